// @ts-check
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Architecture boundaries, on resolved paths (eslint-plugin-boundaries): every import, export and
 * dynamic import is resolved to a file, the file is classified into a layer by where it lives, and
 * the dependency is checked against the table below. Renaming a folder, climbing with `../../` or
 * importing through an index cannot get around it. `tests/architecture.test.ts` lints planted
 * imports through this config, so the rules cannot silently stop biting.
 */

/** The layers, by folder (paths from the project root). A feature is each folder of src/features. */
const ELEMENTS = [
  { type: 'engine', pattern: 'src/engine' },
  { type: 'explain', pattern: 'src/explain' },
  { type: 'room', pattern: 'src/room' },
  { type: 'relay', pattern: 'src/relay' },
  { type: 'store', pattern: 'src/store' },
  { type: 'workers', pattern: 'src/workers' },
  { type: 'components', pattern: 'src/components' },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'app', pattern: 'src/app' },
  { type: 'styles', pattern: 'src/styles' },
  { type: 'cli', pattern: 'src/cli' },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'bin', pattern: 'bin' },
  { type: 'tests', pattern: 'tests' },
].map((element) => ({ partialMatch: false, ...element }));

/** Single files at the roots: the app's entry and the tool configs (Vite, Playwright, ESLint). */
const FILES = [
  { category: 'entry', pattern: 'src/main.tsx' },
  { category: 'config', pattern: '*.config.{ts,js}' },
];

/**
 * Which layers each layer may import (besides its own files). Import direction:
 * engine <- explain <- store <- features <- app, with workers (off-thread jobs) and components
 * (shared UI without domain knowledge) beside the store. Features never import each other: a
 * feature is its own element, and no entry lets one reach another. Live rooms: the room protocol
 * (engine <- room) is shared by the app's store and the Node relay (engine, room <- relay); the
 * relay is a server, so nothing the browser loads imports it.
 */
const MAY_IMPORT = {
  engine: [],
  explain: ['engine'],
  room: ['engine'],
  relay: ['engine', 'room'],
  store: ['engine', 'explain', 'room'],
  workers: ['engine', 'explain'],
  components: ['engine', 'explain'],
  feature: ['engine', 'explain', 'room', 'store', 'workers', 'components', 'styles'],
  app: ['engine', 'explain', 'room', 'store', 'workers', 'components', 'feature', 'styles'],
  entry: ['app', 'styles'],
  // `dojo room` starts the relay.
  cli: ['engine', 'explain', 'relay'],
  // Build tools and measuring scripts: the engine and the words, never app, store or feature code
  // (the room benchmark drives the relay with Node clients; the par measurement draws its
  // instances with the test suite's generators).
  scripts: ['engine', 'explain', 'room', 'relay', 'cli', 'components', 'tests'],
  config: ['scripts', 'engine', 'explain'],
  bin: ['cli'],
  tests: ELEMENTS.map((element) => element.type),
};

/** Why a layer may not import another: the message a developer sees. */
const WHY = {
  engine:
    'src/engine is the pure engine: it imports nothing of the app, no Node or browser modules, and of npm packages only zod, lz-string and pure-rand (engine <- explain <- store <- features <- app).',
  explain: 'src/explain (the words users read) imports only the engine.',
  room: "src/room (the room protocol, shared by the app and the Node relay) imports only the engine, and of npm packages only the engine's and yjs: no store, features, app, relay, browser or Node modules.",
  relay:
    'src/relay is the Node relay: it imports the engine and the room protocol (src/room), never the explain layer, store, features, components, workers, app or UI libraries.',
  store:
    'src/store imports only the engine, the explain layer and the room protocol; the app composes the rest.',
  workers:
    'src/workers runs off the main thread: it imports the engine, the explain layer and its own modules, never the store, a feature, components or the app.',
  components:
    'src/components are shared UI without domain state: no store, features, workers or app.',
  feature:
    'A feature must not import another feature or the app; move shared code to src/components, src/explain or src/store.',
  app: 'src/app may import any layer of src but the CLI.',
  entry: 'src/main.tsx starts the app: it imports src/app and styles.',
  cli: 'src/cli runs under Node: it imports the engine, the explain layer and (to start it) the relay only.',
  scripts:
    'scripts (build and measuring tools) may import the engine, the explain layer, the room protocol, the relay, the CLI helpers, components and the test generators, never app, store, feature or worker code.',
  config:
    'The Vite config loads build helpers (scripts/) and the engine only: app code in it makes `npm run dev` warn and slow.',
  bin: 'bin/ starts the CLI.',
  tests: '',
};

const ZOD_MINI =
  'Import z from src/engine/zod.ts (zod/mini): classic zod weighs about three times as much in every bundle.';

/** npm packages the engine may use: validation, link compression and the seeded generator. */
const ENGINE_PACKAGES = ['zod', 'lz-string', 'pure-rand', 'pure-rand/**'];

/** npm packages the room protocol may use: the engine's and the shared document (Yjs). */
const ROOM_PACKAGES = [...ENGINE_PACKAGES, 'yjs'];

/** Where Node's own modules (node:fs, …) may be imported: code that runs under Node. */
const NODE_LAYERS = ['cli', 'scripts', 'config', 'bin', 'tests', 'relay'];

/** What the browser loads: none of it may import the Node relay. */
const BROWSER_LAYERS = [
  'engine',
  'explain',
  'room',
  'store',
  'workers',
  'components',
  'feature',
  'app',
  'entry',
];

/** UI libraries: the relay is a server and uses none of them. */
const UI_PACKAGES = [
  'react',
  'react/**',
  'react-dom',
  'react-dom/**',
  'zustand',
  'zustand/**',
  'recharts',
  'wouter',
  'wouter/**',
  '@dnd-kit/*',
];

/** Selects the importing files of a layer: a folder element or a single-file category. */
const from = (type) =>
  FILES.some((file) => file.category === type)
    ? { file: { categories: type } }
    : { element: { type } };

/*
 * The last policy that matches an import decides. So each layer's refusal (with its message) comes
 * first and matches every import; the allowances after it reopen what the layer may use.
 */
const boundaryPolicies = [
  ...Object.keys(MAY_IMPORT)
    .filter((type) => type !== 'tests')
    .map((type) => ({
      from: from(type),
      disallow: { to: { module: { origin: '*' } } },
      message: WHY[type],
    })),
  // Local files: the table above.
  ...Object.entries(MAY_IMPORT).map(([type, allowed]) => ({
    from: from(type),
    allow: { to: { element: { types: { anyOf: allowed.length > 0 ? allowed : ['(none)'] } } } },
  })),
  // Packages: any outside the engine, the explain layer and the room protocol; those short lists.
  ...Object.keys(MAY_IMPORT)
    .filter((type) => !['engine', 'explain', 'room'].includes(type))
    .map((type) => ({ from: from(type), allow: { to: { module: { origin: 'external' } } } })),
  {
    from: from('engine'),
    allow: { to: { module: { origin: 'external', source: ENGINE_PACKAGES } } },
  },
  {
    from: from('room'),
    allow: { to: { module: { origin: 'external', source: ROOM_PACKAGES } } },
  },
  // Node's own modules only where the code runs under Node.
  ...NODE_LAYERS.map((type) => ({
    from: from(type),
    allow: { to: { module: { origin: 'core' } } },
  })),
  // The relay is a Node server: no UI library in it.
  {
    from: from('relay'),
    disallow: { to: { module: { origin: 'external', source: UI_PACKAGES } } },
    message: WHY.relay,
  },
  // Nothing the browser loads imports the relay: the app reaches it over the network.
  ...BROWSER_LAYERS.map((type) => ({
    from: from(type),
    disallow: { to: { element: { types: 'relay' } } },
    message:
      'src/relay is the Node relay server: the app talks to it over a WebSocket with the room protocol (src/room), never imports it.',
  })),
];

const SOURCE_FILES = '{ts,tsx}';

const ENGINE_PURITY = 'src/engine is pure TypeScript (see STYLE.md).';

/** The engine and the explain layer: no DOM, clock, network or unseeded randomness. */
const purityRules = {
  'no-restricted-globals': [
    'error',
    ...[
      'window',
      'self',
      'document',
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'navigator',
    ].map((name) => ({ name, message: `${ENGINE_PURITY} No DOM or browser APIs.` })),
    ...['fetch', 'XMLHttpRequest'].map((name) => ({
      name,
      message: `${ENGINE_PURITY} No network access.`,
    })),
    {
      name: 'performance',
      message: `${ENGINE_PURITY} Timing belongs to the caller (bench script, worker).`,
    },
  ],
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message: `${ENGINE_PURITY} Use the seeded generator so every run replays.`,
    },
    {
      object: 'Date',
      property: 'now',
      message: `${ENGINE_PURITY} The engine never reads the clock; pass time in.`,
    },
    {
      object: 'crypto',
      property: 'getRandomValues',
      message: `${ENGINE_PURITY} Use the seeded generator so every run replays.`,
    },
    {
      object: 'crypto',
      property: 'randomUUID',
      message: `${ENGINE_PURITY} Use the seeded generator so every run replays.`,
    },
    ...['window', 'document', 'localStorage', 'navigator', 'performance'].map((property) => ({
      object: 'globalThis',
      property,
      message: `${ENGINE_PURITY} No DOM or browser APIs.`,
    })),
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date']",
      message: `${ENGINE_PURITY} The engine never reads the clock; pass time in.`,
    },
    {
      selector: "CallExpression[callee.name='Date']",
      message: `${ENGINE_PURITY} The engine never reads the clock; pass time in.`,
    },
  ],
};

export default defineConfig(
  {
    name: 'dojo/ignores',
    ignores: [
      'dist/',
      'dist-*/',
      'coverage/',
      '**/node_modules/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'scenarios/schema.json',
      '**/tmp/',
      // Mutation testing: Stryker's sandbox, its reports and its incremental file.
      '.stryker-tmp/',
      '.stryker-tmp-core/',
      'reports/',
      'mutation/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    name: 'dojo/type-aware',
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)),
      },
    },
  },
  {
    name: 'dojo/plain-js',
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    // zod is reached through src/engine/zod.ts, which uses its functional build (`zod/mini`):
    // classic zod's schemas carry every method and its JSON Schema code, about three times the
    // weight in each bundle (the first screen and the engine worker).
    name: 'dojo/zod-mini',
    files: [`src/**/*.${SOURCE_FILES}`],
    rules: {
      'no-restricted-imports': [
        'error',
        ...['zod', 'zod/v4', 'zod/v3'].map((name) => ({
          name,
          message: ZOD_MINI,
          allowTypeImports: true,
        })),
      ],
    },
  },
  {
    name: 'dojo/browser',
    files: [`src/**/*.${SOURCE_FILES}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'dojo/node',
    files: [
      `src/cli/**/*.${SOURCE_FILES}`,
      `src/relay/**/*.${SOURCE_FILES}`,
      `scripts/**/*.${SOURCE_FILES}`,
      `tests/**/*.${SOURCE_FILES}`,
      '*.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'dojo/react-hooks',
    files: [`src/**/*.${SOURCE_FILES}`, `tests/**/*.${SOURCE_FILES}`],
    ...reactHooks.configs.flat.recommended,
  },
  {
    ...jsxA11y.flatConfigs.recommended,
    name: 'dojo/jsx-a11y',
    files: ['**/*.tsx'],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // The recommended options, and a data cell may say it is one: a table laid out as cards
      // on a phone names its roles, or Safari stops reading it as a table (BriefingPage).
      'jsx-a11y/no-interactive-element-to-noninteractive-role': [
        'error',
        { tr: ['none', 'presentation'], canvas: ['img'], td: ['cell'] },
      ],
    },
  },
  {
    name: 'dojo/ts-style',
    files: [`**/*.${SOURCE_FILES}`],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Scenario and user text is untrusted: it is rendered by React as text, never as HTML.
    name: 'dojo/no-raw-html',
    files: [`src/**/*.${SOURCE_FILES}`],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with React; never set HTML.' },
        { property: 'outerHTML', message: 'Render text with React; never set HTML.' },
      ],
    },
  },
  {
    name: 'dojo/no-dangerously-set-inner-html',
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Scenario and user text is untrusted: render it as text, never as HTML.',
        },
      ],
    },
  },
  {
    name: 'dojo/tests-and-scripts',
    files: [`tests/**/*.${SOURCE_FILES}`, `scripts/**/*.${SOURCE_FILES}`],
    rules: {
      // Tests and scripts read JSON fixtures and call untyped test helpers; src stays strict.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Architecture boundaries come last so no shared config can switch them off.
  {
    name: 'dojo/boundaries',
    files: [`**/*.${SOURCE_FILES}`, '**/*.{js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': FILES,
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'boundaries/legacy-templates': false,
      'import/resolver': {
        node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
      },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        { default: 'disallow', checkAllOrigins: true, policies: boundaryPolicies },
      ],
    },
  },
  {
    name: 'dojo/purity/engine',
    files: [`src/engine/**/*.${SOURCE_FILES}`],
    rules: purityRules,
  },
  {
    // The explain layer turns engine results into the words users read; it is as pure as the engine.
    name: 'dojo/purity/explain',
    files: [`src/explain/**/*.${SOURCE_FILES}`],
    rules: purityRules,
  },
  {
    // The room protocol runs in the browser and in the relay alike: as pure as the engine (the
    // relay and the store pass the clock in).
    name: 'dojo/purity/room',
    files: [`src/room/**/*.${SOURCE_FILES}`],
    rules: purityRules,
  },
);
