/**
 * The board's variant picker reads variants by name only (`useVariantNames`), so a card moved on
 * the board does not re-render it: the hook keeps its result while the plans change, and gives a
 * new one when a variant is added, renamed or switched to.
 */
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

import { AppStoreProvider, useVariantNames } from '../../src/store';
import { freshStore, shippedScenario } from './helpers';

const scenario = shippedScenario('big-customer');
const [a, b] = scenario.items.filter((i) => !i.injected).map((i) => i.id);

function setup() {
  const store = freshStore();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppStoreProvider store={store}>{children}</AppStoreProvider>
  );
  const hook = renderHook(() => useVariantNames(scenario), { wrapper });
  return { store, hook };
}

describe('useVariantNames', () => {
  it('keeps the same result while cards move', () => {
    const { store, hook } = setup();
    const first = hook.result.current;
    expect(first.variants.map((v) => v.name)).toEqual(['Plan A']);
    act(() => store.getState().moveItem(scenario, a!, 0));
    act(() => store.getState().moveItem(scenario, b!, 1));
    act(() => store.getState().moveItem(scenario, a!, 2));
    expect(hook.result.current).toBe(first);
  });

  it('gives the new names and the active one when a variant is added, renamed or switched to', () => {
    const { store, hook } = setup();
    act(() => {
      store.getState().createVariant(scenario, 'Plan B');
    });
    const added = hook.result.current;
    expect(added.variants.map((v) => v.name)).toEqual(['Plan A', 'Plan B']);
    expect(added.activeId).toBe(added.variants[1]!.id);

    act(() => store.getState().renameVariant(scenario, added.activeId, 'Bold bet'));
    expect(hook.result.current.variants.map((v) => v.name)).toEqual(['Plan A', 'Bold bet']);

    act(() => store.getState().switchVariant(scenario, added.variants[0]!.id));
    expect(hook.result.current.activeId).toBe(added.variants[0]!.id);
  });
});
