import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Loaded up front, so the lazily loaded route renders within the helper's wait on a busy machine.
import '../../../src/features/workshop/RoomJoinPage';
import { renderApp } from '../helpers';

/** `fetch` answering `relay.json` only when the test says so, as a slow room server would. */
function slowRelayCheck() {
  let answer: (response: Response) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const fetch = vi.fn(
    () =>
      new Promise<Response>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      }),
  );
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    found: () =>
      answer(new Response(JSON.stringify({ relay: '/relay', addresses: [] }), { status: 200 })),
    none: () => fail(new Error('connection refused')),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('joining a live room', () => {
  it('a join asked for while the relay is still being looked for waits for it, then joins', async () => {
    const check = slowRelayCheck();
    const joinRoom = vi.fn();
    const { user } = await renderApp('/room/k7qm2p', {}, (s) => s.setState({ joinRoom }));
    expect(check.fetch).toHaveBeenCalledTimes(1);
    await user.type(screen.getByRole('textbox', { name: 'Team name' }), 'Red');
    await user.click(screen.getByRole('button', { name: 'Join the room' }));
    // Not "no relay": the check has not answered yet.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Joining room K7QM2P…');
    expect(screen.getByRole('button', { name: 'Join the room' })).toBeDisabled();
    expect(joinRoom).not.toHaveBeenCalled();
    check.found();
    await waitFor(() => expect(joinRoom).toHaveBeenCalledTimes(1));
    expect(joinRoom).toHaveBeenCalledWith(`ws://${window.location.host}/relay`, 'K7QM2P', 'Red');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('when the check finds no relay, the waiting join says so and can be asked again', async () => {
    const check = slowRelayCheck();
    const joinRoom = vi.fn();
    const { user } = await renderApp('/room/k7qm2p', {}, (s) => s.setState({ joinRoom }));
    await user.type(screen.getByRole('textbox', { name: 'Team name' }), 'Red');
    await user.click(screen.getByRole('button', { name: 'Join the room' }));
    check.none();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No relay was found beside this app',
    );
    expect(joinRoom).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Join the room' })).toBeEnabled();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
