/**
 * The preparedness sentence when a scenario scripts two events an item prepares for: zero-day
 * with a second scripted event, a vendor compromise in Q2 whose clean-up the SBOM alone makes
 * shorter. The SBOM's sentence gives both events, in the scenario's order; the incident
 * playbook's gives only the zero-day, the one it prepares for. Figures are put together from the
 * scenario's events and compiled efforts, as in debrief.sentences.test.ts.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../../src/engine/compile.ts';
import { loadScenario, simulate, type Plan, type Scenario } from '../../src/engine/index.ts';
import { bakedPar, findPar } from '../../src/engine/par.ts';
import { removeItem } from '../../src/engine/plan.ts';
import { debrief } from '../../src/explain/debrief.ts';
import { formatPercent, formatSigned, formatSlotTime } from '../../src/explain/format.ts';
import { edited, shipped } from '../engine/helpers.ts';

const par: Plan = (bakedPar(shipped('zero-day')) ?? findPar(shipped('zero-day'))).plan;

/** zero-day with a second scripted event, prepared by the SBOM alone. */
function twoEvents(): Scenario {
  const r = loadScenario(
    edited('zero-day', (raw) => {
      raw.items.push({
        id: 'vendor-cleanup',
        title: 'Vendor compromise clean-up',
        type: 'security',
        effort: 8,
        injected: true,
      });
      raw.events.push({
        id: 'vendor',
        kind: 'injectItem',
        title: 'A compromised vendor SDK',
        slot: 1,
        probability: 0.3,
        item: 'vendor-cleanup',
        prepared: { items: ['sbom'], effortFactor: 0.5 },
      });
    }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** "if “…” strikes in Q3 (60% likely), … takes 5.6 points when … are done, 14 otherwise". */
function option(s: Scenario, eventId: string): string {
  const c = compile(s);
  const e = s.events.find((x) => x.id === eventId);
  if (e?.kind !== 'injectItem' || !e.prepared) throw new Error('not a prepared event');
  const injected = s.items.find((i) => i.id === e.item)!;
  const full = c.items[c.index.get(injected.id)!]!.meanEffort;
  const ready = e.prepared.items.map((id) => s.items.find((i) => i.id === id)!.title).join(' and ');
  const verb = e.prepared.items.length > 1 ? 'are' : 'is';
  return `if “${e.title}” strikes in ${s.time.labels[e.slot]} (${formatPercent(e.probability)} likely), ${injected.title} takes ${Math.round(full * e.prepared.effortFactor * 10) / 10} points when ${ready} ${verb} done, ${Math.round(full * 10) / 10} otherwise`;
}

describe('preparedness for two scripted events', () => {
  it('the SBOM left out: both events it prepares for, the second prepared by it alone', () => {
    const s = twoEvents();
    const d = debrief(s, removeItem(par, 'sbom'), { par });
    const x = d.causes.find((c) => c.item === 'sbom')!;
    expect(x).toMatchObject({ kind: 'add', mechanism: 'preparedness' });
    const theirs = simulate(s, x.plan).items.find((i) => i.id === 'sbom')!.completedAt!;
    expect(x.sentence).toBe(
      `${s.items.find((i) => i.id === 'sbom')!.title} was not done this year (par: ${formatSlotTime(s.time.labels, theirs)}): ${option(s, 'zero-day')}; ${option(s, 'vendor')}. Preparedness has option value. ${formatSigned(x.gain)} points.`,
    );
    expect(option(s, 'vendor')).toContain(' is done, ');
  });

  it('the playbook left out: only the event it prepares for', () => {
    const s = twoEvents();
    const d = debrief(s, removeItem(par, 'ir-playbook'), { par });
    const x = d.causes.find((c) => c.item === 'ir-playbook')!;
    expect(x).toMatchObject({ kind: 'add', mechanism: 'preparedness' });
    const theirs = simulate(s, x.plan).items.find((i) => i.id === 'ir-playbook')!.completedAt!;
    expect(x.sentence).toBe(
      `${s.items.find((i) => i.id === 'ir-playbook')!.title} was not done this year (par: ${formatSlotTime(s.time.labels, theirs)}): ${option(s, 'zero-day')}. Preparedness has option value. ${formatSigned(x.gain)} points.`,
    );
  });
});
