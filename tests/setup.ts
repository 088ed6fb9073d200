import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait for what a screen renders; a lazily loaded screen's code can take
// seconds to arrive on a busy 2-core machine, so they wait up to 20 s (a passing wait returns as
// soon as the element is there). Testing Library's default of 1 s made tests fail under load.
configure({ asyncUtilTimeout: 20_000 });

// jsdom does not implement scrolling; the app scrolls to the top after navigating.
window.scrollTo = () => undefined;

// Vitest runs without globals, so Testing Library cannot register its own cleanup hook.
afterEach(() => {
  cleanup();
  // Every test starts with nothing saved and at the library route.
  localStorage.clear();
  window.location.hash = '';
});
