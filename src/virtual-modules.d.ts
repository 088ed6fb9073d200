/// <reference types="vite-plugin-pwa/vanillajs" />

/** The app's version, with the build's label when it was given one (vite.config.ts). */
declare const __APP_VERSION__: string;

/** Modules made by the build (see `scripts/vite/`). */
declare module 'virtual:scenario-index' {
  import type { CatalogIndexEntry } from './store/types';

  /** Every shipped scenario file's summary (or its issues), validated when the app was built. */
  const index: readonly CatalogIndexEntry[];
  export default index;
}

declare module 'virtual:scenario-catalog-url' {
  /** The URL of the JSON file with every shipped catalog entry, validated when it was built. */
  const url: string;
  export default url;
}
