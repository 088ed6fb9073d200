import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Roadmap Dojo: index.html has no #root element to render into.');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
