// @ts-check
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Architecture boundaries. Import direction: engine <- store <- features <- app.
 *
 * `no-restricted-imports` matches the import *string*, it does not resolve paths. The layer
 * patterns below therefore flag any relative import that climbs (`../`, `../../`, ...) into a
 * folder named like a layer. Keep the layer names (store, features, app, components, workers)
 * and the feature folder names unique: don't give a sub-folder inside a layer one of those names.
 */

const SOURCE_FILES = '{ts,tsx}';

/** Folders directly under src/features, read at config time so a new feature is covered. */
const featureNames = (() => {
  try {
    return readdirSync(fileURLToPath(new URL('./src/features', import.meta.url)), {
      withFileTypes: true,
    })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
})();

/**
 * A `no-restricted-imports` pattern for relative (`../`) or src-rooted imports of sibling folders.
 * @param {string[]} folders folder names, e.g. ['store', 'app']
 * @param {string} message shown to the developer
 * @param {string} [prefix] optional path segment in front of the folder, e.g. 'features/'
 */
function layerPattern(folders, message, prefix = '') {
  const names = folders.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return {
    regex: `^(?:(?:\\.\\./)+|(?:.*/)?src/)${prefix}(?:${names})(?:/|$)`,
    message,
  };
}

const ENGINE_PURITY = 'src/engine is pure TypeScript (see STYLE.md).';

const engineForbiddenPackages = ['react', 'react-dom', 'zustand', 'recharts', 'wouter'];

const engineRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: engineForbiddenPackages.map((name) => ({
        name,
        message: `${ENGINE_PURITY} UI and browser libraries stay out of it.`,
      })),
      patterns: [
        {
          group: ['react/*', 'react-dom/*', 'zustand/*', 'recharts/*', 'wouter/*', '@dnd-kit/*'],
          message: `${ENGINE_PURITY} UI and browser libraries stay out of it.`,
        },
        layerPattern(
          ['explain', 'store', 'features', 'app', 'components', 'workers'],
          `${ENGINE_PURITY} It must not import the explain layer, store, features, app, components or workers.`,
        ),
      ],
    },
  ],
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
    {
      selector: `ImportExpression[source.value=/^(?:react|react-dom|zustand|recharts|wouter|@dnd-kit)(?:\\/|$)/]`,
      message: `${ENGINE_PURITY} UI and browser libraries stay out of it.`,
    },
  ],
};

/** One config per feature: it may not reach into any other feature, nor into the app. */
const featureBoundaries = featureNames.map((name) => {
  const others = featureNames.filter((other) => other !== name);
  const patterns = [
    layerPattern(['app'], 'Features must not import src/app: the app composes features.'),
  ];
  if (others.length > 0) {
    const message = `Feature "${name}" must not import another feature; move shared code to src/components or src/store.`;
    patterns.push(layerPattern(others, message), layerPattern(others, message, 'features/'));
  }
  return {
    name: `dojo/boundaries/features/${name}`,
    files: [`src/features/${name}/**/*.${SOURCE_FILES}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

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
    name: 'dojo/browser',
    files: [`src/**/*.${SOURCE_FILES}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'dojo/node',
    files: [
      `src/cli/**/*.${SOURCE_FILES}`,
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
    name: 'dojo/boundaries/engine',
    files: [`src/engine/**/*.${SOURCE_FILES}`],
    rules: engineRules,
  },
  {
    // The explain layer turns engine results into the words users read; it is as pure as the engine.
    name: 'dojo/boundaries/explain',
    files: [`src/explain/**/*.${SOURCE_FILES}`],
    rules: {
      ...engineRules,
      'no-restricted-imports': [
        'error',
        {
          paths: engineForbiddenPackages.map((name) => ({
            name,
            message: 'src/explain is pure TypeScript: UI and browser libraries stay out of it.',
          })),
          patterns: [
            layerPattern(
              ['store', 'features', 'app', 'components', 'workers'],
              'src/explain may import only the engine (engine <- explain <- store <- features <- app).',
            ),
          ],
        },
      ],
    },
  },
  {
    // The room protocol (document names, tokens, limits, plan reading and writing) is shared by
    // the app's store and the Node relay: pure like the engine, plus Yjs.
    name: 'dojo/boundaries/room',
    files: [`src/room/**/*.${SOURCE_FILES}`],
    rules: {
      ...engineRules,
      'no-restricted-imports': [
        'error',
        {
          paths: engineForbiddenPackages.map((name) => ({
            name,
            message: 'src/room is shared with the relay: UI and browser libraries stay out of it.',
          })),
          patterns: [
            layerPattern(
              ['explain', 'store', 'features', 'app', 'components', 'workers', 'relay'],
              'src/room may import only the engine (engine <- room <- store, engine <- room <- relay).',
            ),
          ],
        },
      ],
    },
  },
  {
    // The relay runs in Node: it may check what it relays with the engine and the room protocol,
    // never import the app's store, features, components, workers or app.
    name: 'dojo/boundaries/relay',
    files: [`src/relay/**/*.${SOURCE_FILES}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'recharts', 'wouter'].map((name) => ({
            name,
            message: 'src/relay is the Node relay: no UI libraries.',
          })),
          patterns: [
            layerPattern(
              ['explain', 'store', 'features', 'app', 'components', 'workers'],
              'src/relay may import only the engine and src/room.',
            ),
          ],
        },
      ],
    },
  },
  {
    name: 'dojo/boundaries/store',
    files: [`src/store/**/*.${SOURCE_FILES}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerPattern(
              ['features', 'app', 'components', 'relay'],
              'src/store must not import features, the app, components or the relay (engine <- store <- features <- app).',
            ),
          ],
        },
      ],
    },
  },
  ...featureBoundaries,
  {
    name: 'dojo/boundaries/components',
    files: [`src/components/**/*.${SOURCE_FILES}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerPattern(
              ['store', 'features', 'app'],
              'src/components are shared UI without domain knowledge: no store, features or app.',
            ),
          ],
        },
      ],
    },
  },
);
