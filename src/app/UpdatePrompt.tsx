/** Says when a new version of the app is waiting, and switches to it when the user asks. */
import { useState, useSyncExternalStore } from 'react';

import { Notice } from '../components/Notice';
import type { AppUpdates } from './updates';

export function UpdatePrompt({ updates }: { updates: AppUpdates }) {
  const status = useSyncExternalStore(updates.subscribe, updates.status, updates.status);
  const [later, setLater] = useState(false);
  const [reloading, setReloading] = useState(false);
  if (status === 'current' || later) return null;
  return (
    <div className="app-notice" data-testid="update-prompt">
      <Notice
        tone="info"
        title={
          status === 'waiting'
            ? 'A new version of Roadmap Dojo is ready'
            : 'Roadmap Dojo was updated in another tab'
        }
        onDismiss={() => setLater(true)}
        dismissLabel="Not now"
      >
        <p>
          Your work is saved as you go. Reload to start using the new version
          {status === 'elsewhere' ? '; this tab still runs the old one' : ''}.
        </p>
        <p className="notice-actions">
          <button
            type="button"
            className="button button-small button-primary"
            disabled={reloading}
            onClick={() => {
              setReloading(true);
              updates.update();
            }}
          >
            {reloading ? 'Updating…' : 'Reload to update'}
          </button>
        </p>
      </Notice>
    </div>
  );
}
