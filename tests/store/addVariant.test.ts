import { describe, expect, it } from 'vitest';

import { activeVariantOf, scenarioPlansOf } from '../../src/store';
import { freshStore, shippedScenario } from './helpers';

const scenario = shippedScenario('big-customer');
const [a, b] = scenario.items.filter((i) => !i.injected).map((i) => i.id);

describe('addVariant (share links and plan files)', () => {
  it('adds an active variant with the plan and notes, keeping every existing variant', () => {
    const store = freshStore();
    store.getState().moveItem(scenario, a!, 0);
    const before = scenarioPlansOf(store.getState(), scenario).variants;

    const slots = scenario.time.labels.map((_, s) => (s === 1 ? [b!] : []));
    const id = store
      .getState()
      .addVariant(scenario, { name: 'Team Red', plan: { slots }, notes: { [b!]: 'why' } });

    const after = scenarioPlansOf(store.getState(), scenario);
    expect(after.variants.slice(0, before.length)).toEqual(before);
    expect(after.activeId).toBe(id);
    expect(activeVariantOf(store.getState(), scenario)).toMatchObject({
      name: 'Team Red',
      plan: { slots },
      notes: { [b!]: 'why' },
    });
  });

  it('never reuses a taken name, fits the plan and drops notes on unknown items', () => {
    const store = freshStore();
    const add = () =>
      store.getState().addVariant(scenario, {
        name: 'Plan A',
        plan: { slots: [[a!, 'ghost', a!]] },
        notes: { ghost: 'gone', [a!]: ' ' },
      });
    add();
    add();
    const variants = scenarioPlansOf(store.getState(), scenario).variants;
    expect(variants.map((v) => v.name)).toEqual(['Plan A', 'Plan A (2)', 'Plan A (3)']);
    expect(variants[2]!.plan.slots).toEqual(scenario.time.labels.map((_, s) => (s ? [] : [a!])));
    expect(variants[2]!.notes).toEqual({});
  });
});
