import { describe, expect, it } from 'vitest';

import { simulate, type EventRecord } from '../../../src/engine';
import { describeEvent, storyOf } from '../../../src/features/debrief/story';
import { big, deferredPatch } from './fixtures';

const event = (over: Partial<EventRecord>): EventRecord => ({
  slot: 0,
  kind: 'breach',
  title: 'Security breach',
  probability: 0.351,
  roll: 0.21,
  outcome: 1,
  detail: 'open: cve-pdf',
  ...over,
});

describe('describeEvent', () => {
  it('tells a breach with its probability and the roll that decided it', () => {
    expect(describeEvent(event({}))).toMatchObject({
      happened: true,
      chance: '35.1% likely',
      roll: '0.21',
      tone: 'bad',
      text: 'Security breach! It was 35.1% likely, roll 0.21 (below 0.351); open: cve-pdf.',
    });
    expect(describeEvent(event({ outcome: 0, roll: 0.64 }))?.text).toBe(
      'No security breach: it was 35.1% likely, roll 0.64.',
    );
  });

  it('leaves out negligible risks that passed, but never one that struck', () => {
    expect(describeEvent(event({ probability: 0.004, outcome: 0 }))).toBeNull();
    expect(describeEvent(event({ probability: 0.004, outcome: 1 }))?.happened).toBe(true);
  });

  it('counts incidents against the expected number', () => {
    expect(
      describeEvent(
        event({ kind: 'incidents', title: 'Incidents', probability: 1.17, outcome: 2, roll: 0.9 }),
      )?.text,
    ).toBe('2 incidents (1.2 expected, roll 0.90).');
  });

  it('tells scripted events whether or not they happened', () => {
    const spike = event({
      kind: 'injectItem',
      title: 'Zero-day in the gateway',
      probability: 0.6,
      roll: 0.65,
      outcome: 0,
      detail: 'did not happen',
    });
    expect(describeEvent(spike)).toMatchObject({
      happened: false,
      text: 'Zero-day in the gateway: did not happen (60% likely, roll 0.65).',
    });
  });
});

describe('storyOf', () => {
  it('tells the seeded run slot by slot with what finished and what happened', () => {
    const run = simulate(big, deferredPatch, { mode: 'seeded', seed: 4 });
    const story = storyOf(big, run);
    expect(story.map((s) => s.label)).toEqual(big.time.labels);
    const all = story.flatMap((s) => s.finished.map((f) => f.id));
    expect(all.sort()).toEqual(
      run.items
        .filter((i) => i.completedAt !== null)
        .map((i) => i.id)
        .sort(),
    );
    for (const s of story) {
      expect(s.announcement.startsWith(`${s.label}. `)).toBe(true);
      expect(s.announcement).toMatch(/ARR \$[\d.]+[Mk], CSAT \d+\.$/);
    }
    // Every breach roll of the run is told in its slot.
    const breaches = run.events.filter((e) => e.kind === 'breach' && e.probability >= 0.01);
    for (const b of breaches)
      expect(
        story[b.slot]!.events.some((e) => e.kind === 'breach' && e.roll === b.roll!.toFixed(2)),
      ).toBe(true);
  });
});
