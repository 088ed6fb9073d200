import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';

import { registerSW } from 'virtual:pwa-register';

import { App, createShippedStore } from './app/App';
import { registerAppUpdates } from './app/updates';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Roadmap Dojo: index.html has no #root element to render into.');
}

// The service worker: offline use, and a prompt when a new version is waiting.
const updates = registerAppUpdates(registerSW);

// The store is created here, once: creating it reads the saved data (see createShippedStore).
const store = createShippedStore();

// The first render as a transition: React renders it in slices and lets the browser in between,
// instead of one long task while the page is loading.
const root = createRoot(container);
startTransition(() => {
  root.render(
    <StrictMode>
      <App store={store} updates={updates} />
    </StrictMode>,
  );
});
