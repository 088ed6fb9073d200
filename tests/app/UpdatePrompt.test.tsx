import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

import { UpdatePrompt } from '../../src/app/UpdatePrompt';
import { registerAppUpdates } from '../../src/app/updates';

/** The service worker's registration, driven by the test: what vite-plugin-pwa would call. */
function fakeWorker() {
  let options: RegisterSWOptions = {};
  const apply = vi.fn((_reloadPage?: boolean) => Promise.resolve());
  const reload = vi.fn();
  const updates = registerAppUpdates((given) => {
    options = given ?? {};
    return apply;
  }, reload);
  return {
    updates,
    apply,
    reload,
    newVersionWaiting: () => act(() => options.onNeedRefresh?.()),
    newVersionTookOver: () => act(() => options.onNeedReload?.()),
  };
}

describe('the update prompt', () => {
  it('says nothing until a new version waits, then switches to it when asked', async () => {
    const user = userEvent.setup();
    const worker = fakeWorker();
    render(<UpdatePrompt updates={worker.updates} />);
    expect(screen.queryByTestId('update-prompt')).toBeNull();

    worker.newVersionWaiting();
    const prompt = screen.getByTestId('update-prompt');
    expect(prompt.textContent).toContain('A new version of Roadmap Dojo is ready');
    expect(prompt.textContent).toContain('Your work is saved as you go');
    await user.click(screen.getByRole('button', { name: 'Reload to update' }));
    // The waiting worker takes over and reloads this page (vite-plugin-pwa's reloadPage = true).
    expect(worker.apply).toHaveBeenCalledExactlyOnceWith(true);
    expect(screen.getByRole('button', { name: 'Updating…' })).toHaveProperty('disabled', true);
    // The new worker took over because this tab asked: it reloads, without asking again.
    worker.newVersionTookOver();
    expect(worker.reload).toHaveBeenCalledOnce();
  });

  it('in a tab that did not ask, says another tab updated and reloads only on request', async () => {
    const user = userEvent.setup();
    const worker = fakeWorker();
    render(<UpdatePrompt updates={worker.updates} />);
    worker.newVersionTookOver();
    expect(worker.reload).not.toHaveBeenCalled();
    expect(screen.getByTestId('update-prompt').textContent).toContain(
      'Roadmap Dojo was updated in another tab',
    );
    expect(screen.getByTestId('update-prompt').textContent).toContain(
      'this tab still runs the old one',
    );
    await user.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(worker.reload).toHaveBeenCalledOnce();
    expect(worker.apply).not.toHaveBeenCalled();
  });

  it('"Not now" puts it away and the work goes on', async () => {
    const user = userEvent.setup();
    const worker = fakeWorker();
    render(<UpdatePrompt updates={worker.updates} />);
    worker.newVersionWaiting();
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByTestId('update-prompt')).toBeNull();
    expect(worker.apply).not.toHaveBeenCalled();
  });
});
