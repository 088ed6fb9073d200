import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Test folders outside these two projects (e2e) are run by Playwright, never by Vitest.
const sharedExclude = ['**/node_modules/**', 'dist/**', 'tests/e2e/**'];

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built app can be hosted from any sub-path (or opened from a folder).
  base: './',
  test: {
    // A project with no test files yet (e.g. `ui` early on) must not fail `npm test`.
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['tests/{engine,cli,scenarios,scripts,workers}/**/*.test.ts'],
          exclude: sharedExclude,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/{store,features,app,components}/**/*.test.{ts,tsx}'],
          exclude: sharedExclude,
          setupFiles: ['tests/setup.ts'],
        },
      },
    ],
  },
});
