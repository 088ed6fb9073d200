/**
 * The loader's checks of MVP slices (src/engine/slices.ts): every fault names its field and says
 * what is wrong, and nothing else about the scenario is reported.
 */
import { describe, expect, it } from 'vitest';

import { loadScenario } from '../../src/engine/index.ts';
import { item, quarters, QUIET, type ItemInput } from './mechanics/build.ts';

function issuesOf(items: ItemInput[]) {
  const result = loadScenario({
    schemaVersion: 2,
    id: 'slices',
    title: 'Slices',
    brief: '',
    industry: 'Test',
    difficulty: 1,
    minutes: 1,
    time: { labels: quarters(2), slotsPerYear: 4 },
    team: { capacity: 10, ktlo: 0 },
    start: { arr: 1_000_000, csat: 70, debt: 0 },
    scoring: { weights: { revenue: 1 } },
    items,
    constants: QUIET,
  });
  return result.ok ? [] : result.issues;
}

const BIG = item('big', 10, { value: { arr: 1_000_000, confidence: 0.8 } });
const slice = (extra: Partial<ItemInput> = {}, share = 0.5): ItemInput =>
  item('mvp', 4, { sliceOf: { item: 'big', share }, ...extra });

describe('loading MVP slices', () => {
  it('accepts a slice that leaves its value to the feature', () => {
    expect(issuesOf([BIG, slice()])).toEqual([]);
  });

  it.each<[string, ItemInput[], { path: string; message: string }[]]>([
    [
      'an unknown feature',
      [BIG, item('mvp', 4, { sliceOf: { item: 'ghost', share: 0.5 } })],
      [{ path: 'items[1].sliceOf.item', message: 'unknown item "ghost"' }],
    ],
    [
      'itself',
      [BIG, item('mvp', 4, { sliceOf: { item: 'mvp', share: 0.5 } })],
      [{ path: 'items[1].sliceOf.item', message: 'an item cannot be a slice of itself' }],
    ],
    [
      'a feature that is not a feature',
      [item('big', 10, { type: 'debt' }), slice()],
      [
        {
          path: 'items[1].sliceOf.item',
          message: '"big" is a debt item: only features are sliced',
        },
      ],
    ],
    [
      'a slice of a slice',
      [BIG, slice(), item('tiny', 1, { sliceOf: { item: 'mvp', share: 0.5 } })],
      [
        {
          path: 'items[2].sliceOf.item',
          message: '"mvp" is itself a slice: slice the whole feature',
        },
      ],
    ],
    [
      'an injected feature',
      [{ ...BIG, injected: true }, slice()],
      [{ path: 'items[1].sliceOf.item', message: '"big" only appears with an event' }],
    ],
    [
      'two slices of one feature',
      [BIG, slice(), item('mvp2', 3, { sliceOf: { item: 'big', share: 0.3 } })],
      [{ path: 'items[2].sliceOf.item', message: '"big" already has an MVP slice ("mvp")' }],
    ],
    [
      'a slice that is not a feature',
      [BIG, slice({ type: 'ops' })],
      [{ path: 'items[1].type', message: 'must be "feature": a slice is part of a feature' }],
    ],
    [
      'an injected slice',
      [BIG, slice({ injected: true })],
      [{ path: 'items[1].injected', message: 'a slice cannot be an injected item' }],
    ],
    [
      'a slice as big as the feature',
      [BIG, slice({ effort: 10 })],
      [
        {
          path: 'items[1].effort',
          message: 'must be less than the effort of "big" (10 points): the slice is part of it',
        },
      ],
    ],
    [
      'a slice with its own value',
      [BIG, slice({ value: { arr: 300_000 } }, 0.25)],
      [
        {
          path: 'items[1].value',
          message: 'comes from "big" (0.25 of its value): leave it out of the slice',
        },
      ],
    ],
    [
      'a slice with its own urgency',
      [BIG, slice({ urgency: { kind: 'decay', startSlot: 1, rate: 0.2 } })],
      [{ path: 'items[1].urgency', message: 'comes from "big": leave it out of the slice' }],
    ],
    [
      'a slice that needs its feature',
      [BIG, slice({ dependsOn: ['big'] })],
      [{ path: 'items[1].dependsOn', message: 'cannot include "big", the feature it slices' }],
    ],
    [
      'a feature that needs its slice',
      [{ ...BIG, dependsOn: ['mvp'] }, slice()],
      [
        {
          path: 'items[1].sliceOf',
          message:
            '"big" depends on its own slice; leave that out: planning the slice first is what splits the feature',
        },
      ],
    ],
  ])('refuses %s, naming the field', (_, items, expected) => {
    expect(issuesOf(items)).toEqual(expected);
  });
});
