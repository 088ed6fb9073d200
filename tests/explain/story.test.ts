/**
 * The one story of a seeded run, told by the debrief's reveal and the workshop's played rounds.
 * Its sentences are pinned against the run's trace: the expected words are put together here from
 * the trace's numbers (probabilities, rolls, counts, ARR and CSAT), never copied from the output.
 */
import { describe, expect, it } from 'vitest';

import { simulate, type EventRecord, type Plan } from '../../src/engine';
import { addedByEvents, describeEvent, storyOf } from '../../src/explain/story';
import { shipped } from '../engine/helpers';

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

/** "$1.25M" for ARR in the millions, as the story writes it (two decimals below $10M). */
const millions = (x: number) => `$${(x / 1e6).toFixed(x >= 1e7 ? 1 : 2)}M`;

describe('describeEvent', () => {
  it('tells a breach with its probability and the roll that decided it', () => {
    expect(describeEvent(event({}))).toEqual({
      kind: 'breach',
      title: 'Security breach',
      happened: true,
      chance: '35.1% likely',
      roll: '0.21',
      tone: 'bad',
      text: 'Security breach! It was 35.1% likely, roll 0.21 (below 0.351); open: cve-pdf.',
    });
    expect(describeEvent(event({ outcome: 0, roll: 0.64 }))).toMatchObject({
      happened: false,
      tone: 'good',
      text: 'No security breach: it was 35.1% likely, roll 0.64.',
    });
  });

  it('leaves out negligible risks that passed, but never one that struck', () => {
    expect(describeEvent(event({ probability: 0.0099, outcome: 0 }))).toBeNull();
    expect(describeEvent(event({ probability: 0.01, outcome: 0 }))?.text).toBe(
      'No security breach: it was 1.0% likely, roll 0.21.',
    );
    expect(describeEvent(event({ probability: 0.004, outcome: 1 }))?.happened).toBe(true);
  });

  it('counts incidents against the expected number, one and many', () => {
    const incidents = (outcome: number) =>
      describeEvent(
        event({ kind: 'incidents', title: 'Incidents', probability: 1.17, outcome, roll: 0.9 }),
      )?.text;
    expect(incidents(2)).toBe('2 incidents (1.2 expected, roll 0.90).');
    expect(incidents(1)).toBe('1 incident (1.2 expected, roll 0.90).');
    expect(incidents(0)).toBe('No incidents (1.2 expected, roll 0.90).');
  });

  it('tells scripted events whether or not they happened, and certain ones without odds', () => {
    const zeroDay = event({
      kind: 'injectItem',
      title: 'Zero-day in the gateway',
      probability: 0.6,
      roll: 0.65,
      outcome: 0,
      detail: 'Emergency patch was added to the queue',
    });
    expect(describeEvent(zeroDay)).toMatchObject({
      happened: false,
      tone: 'neutral',
      text: 'Zero-day in the gateway: did not happen (60% likely, roll 0.65).',
    });
    expect(describeEvent({ ...zeroDay, outcome: 1, roll: 0.2 })?.text).toBe(
      'Zero-day in the gateway: Emergency patch was added to the queue (60% likely, roll 0.20).',
    );
    expect(
      describeEvent(event({ kind: 'overload', title: 'Overload', roll: null, detail: 'x' })),
    ).toMatchObject({ chance: null, roll: null, text: 'Overload: x.' });
    expect(
      describeEvent(
        event({
          kind: 'demandSpike',
          title: 'Launch',
          probability: 0.25,
          outcome: 1.5,
          detail: 'demand ×1.5',
        }),
      )?.text,
    ).toBe('Launch: demand ×1.5 (a 25% outcome, roll 0.21).');
  });
});

describe('storyOf', () => {
  const zeroDay = shipped('zero-day');
  const plan: Plan = { slots: [['patch-xml', 'sms-reminders'], ['sbom'], ['ir-playbook'], []] };
  // With seed 5 the scripted zero-day happens in Q3 (slot 2).
  const run = simulate(zeroDay, plan, { mode: 'seeded', seed: 5 });
  const story = storyOf(zeroDay, run);

  it('tells each slot: its label, what finished, every event worth telling, the numbers', () => {
    expect(story.map((s) => s.label)).toEqual(zeroDay.time.labels);
    for (const s of story) {
      const trace = run.slots[s.slot]!;
      // What finished in the slot: the items whose completion time falls in it.
      const done = run.items
        .filter((i) => i.completedAt !== null && Math.ceil(i.completedAt) - 1 === s.slot)
        .map((i) => i.id)
        .sort();
      expect(s.finished.map((f) => f.id).sort()).toEqual(done);
      const numbers = `ARR ${millions(trace.arrEnd)}, CSAT ${Math.round(trace.csatEnd)}.`;
      expect(s.numbersText).toBe(numbers);
      const told = run.events.filter(
        (e) =>
          e.slot === s.slot &&
          !(
            (e.kind === 'breach' || e.kind === 'cascade') &&
            e.outcome === 0 &&
            e.probability < 0.01
          ),
      );
      expect(s.events.map((e) => e.title)).toEqual(told.map((e) => e.title));
      expect(s.announcement).toBe(
        [`${s.label}.`, s.finishedText, ...s.events.map((e) => e.text), numbers].join(' '),
      );
    }
  });

  it('tells the zero-day that struck in Q3 with its odds and roll, and what it added', () => {
    const record = run.events.find((e) => e.kind === 'injectItem' && e.slot === 2)!;
    expect(record.outcome).toBe(1);
    const expected = `${record.title}: ${record.detail} (${Math.round(record.probability * 100)}% likely, roll ${record.roll!.toFixed(2)}).`;
    expect(story[2]!.events.map((e) => e.text)).toContain(expected);
    expect(story[2]!.announcement).toContain(expected);
  });

  it('tells every incident count and every notable breach roll of the run in its slot', () => {
    for (const e of run.events) {
      if (e.kind === 'incidents') {
        const count = Math.round(e.outcome);
        const start = count === 0 ? 'No incidents' : `${count} incident${count === 1 ? '' : 's'}`;
        expect(
          story[e.slot]!.events.some((t) =>
            t.text.startsWith(`${start} (${e.probability.toFixed(1)} expected`),
          ),
        ).toBe(true);
      }
      if (e.kind === 'breach' && e.probability >= 0.01)
        expect(
          story[e.slot]!.events.some((t) => t.kind === 'breach' && t.roll === e.roll!.toFixed(2)),
        ).toBe(true);
    }
  });

  it('in rounds, tells the played slots exactly as the whole year tells them, whatever comes next', () => {
    const played = 2;
    const committed: Plan = { slots: [...plan.slots.slice(0, played), [], []] };
    const committedRun = simulate(zeroDay, committed, { mode: 'seeded', seed: 5 });
    const rounds = storyOf(zeroDay, committedRun, played);
    expect(rounds.map((s) => s.label)).toEqual(['Q1', 'Q2']);
    expect(rounds).toEqual(story.slice(0, played));
  });

  it('adds the item a scripted event injected, once its slot is played and only if it happened', () => {
    const lucky = simulate(zeroDay, plan, { mode: 'seeded', seed: 2 });
    expect(addedByEvents(zeroDay, run, 2)).toEqual([]);
    const added = addedByEvents(zeroDay, run, 3);
    expect(added.map((a) => a.id)).toEqual(['zero-day-patch']);
    expect(added[0]!.note).toMatch(/^Added by an event in Q3, worked on first: /);
    expect(addedByEvents(zeroDay, lucky, 3)).toEqual([]);
  });
});
