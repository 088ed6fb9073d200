import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom does not implement scrolling; the app scrolls to the top after navigating.
window.scrollTo = () => undefined;

// Vitest runs without globals, so Testing Library cannot register its own cleanup hook.
afterEach(() => {
  cleanup();
  // Every test starts with nothing saved and at the library route.
  localStorage.clear();
  window.location.hash = '';
});
