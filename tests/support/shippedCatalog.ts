/**
 * The shipped scenarios for tests, validated synchronously through the same `buildCatalog` the app
 * uses (the app fetches the same files as JSON when a screen needs them).
 */
import { buildCatalog, type CatalogEntry } from '../../src/app/catalog';

const shippedJson = import.meta.glob<unknown>(
  ['../../scenarios/*.json', '!../../scenarios/schema.json'],
  { eager: true, import: 'default' },
);

export const shippedCatalog: readonly CatalogEntry[] = buildCatalog(shippedJson);
