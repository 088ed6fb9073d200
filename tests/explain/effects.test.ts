/**
 * Every effect the model applies to an item is named on its card and in its details. The effects
 * are derived here from the compiled scenario (what the simulation reads), not from the words:
 * an effect the engine applies and the badges omit fails, and so does a badge for an effect the
 * engine does not apply.
 */
import { describe, expect, it } from 'vitest';

import { describeEffects, effectBadges, itemFacts } from '../../src/explain/advice.ts';
import { compile, type Compiled, type Scenario } from '../../src/engine/index.ts';
import { scenarioFiles, shipped } from '../engine/helpers.ts';

/** The effect keys of item `i`, from the compiled scenario alone. */
function compiledEffects(c: Compiled, i: number): string[] {
  const item = c.items[i]!;
  const keys: string[] = [];
  for (const v of item.closes) keys.push(`closes:${c.vulns[v]!.id}`);
  for (const ctl of item.controls)
    if (ctl.reduction > 0) keys.push(`controls:${c.threats[ctl.threat]!.id}`);
  for (const ev of c.events) {
    if (ev.kind === 'cascade' && ev.mitigations.some((m) => m.item === i && m.reduction > 0))
      keys.push(`mitigates:${ev.id}`);
    if (ev.kind === 'injectItem' && ev.prepared.includes(i)) keys.push(`prepares:${ev.id}`);
    if (ev.kind === 'competitorCopy' && ev.item === i) keys.push(`copied:${ev.id}`);
  }
  if (item.capacityAdd > 0) keys.push('capacity');
  if (item.debtRemove > 0) keys.push('debt-remove');
  if (item.debtAdd > 0) keys.push('debt-add');
  if (item.feePerSlot > 0) keys.push('fee');
  if (item.incidentReduction > 0) keys.push('incidents');
  if (item.postureReduction > 0) keys.push('posture');
  if (item.obligation >= 0) keys.push('compliance');
  if (item.arr > 0) keys.push('arr');
  if (item.csat !== 0) keys.push('csat');
  if (item.must && item.mustPenalty > 0) keys.push('must');
  if (item.urgency === 2 && item.penalty > 0) keys.push('penalty');
  if (c.items.some((other) => other.deps.includes(i))) keys.push('enables');
  return keys;
}

const visibleItems = (s: Scenario) => s.items.filter((item) => !item.injected);

describe('every effect of every shipped item is named', () => {
  for (const file of scenarioFiles()) {
    const id = file.replace(/\.json$/, '');
    it(`${id}: the badges are exactly the effects the simulation applies`, () => {
      const scenario = shipped(id);
      const c = compile(scenario);
      for (const item of visibleItems(scenario)) {
        const i = c.index.get(item.id)!;
        const badges = effectBadges(scenario, item)
          .map((b) => b.key)
          // A delighter is a kind of item, not an effect of its own ("may be copied" is).
          .filter((key) => key !== 'delight');
        expect(new Set(badges), item.id).toEqual(new Set(compiledEffects(c, i)));
        // The details list a sentence for each.
        expect(describeEffects(scenario, item).length, item.id).toBeGreaterThanOrEqual(
          badges.length,
        );
      }
    });

    it(`${id}: every stakeholder ask and every deal waiting on a report is on the item`, () => {
      const scenario = shipped(id);
      const c = compile(scenario);
      for (const item of visibleItems(scenario)) {
        const i = c.index.get(item.id)!;
        const askers = c.stakeholders.filter((s) => s.asks.some((a) => a.item === i));
        expect(
          itemFacts(scenario, item).asks.map((a) => a.stakeholder),
          item.id,
        ).toEqual(askers.map((s) => s.id));
        const obligation = c.items[i]!.obligation;
        const compliance = effectBadges(scenario, item).find((b) => b.key === 'compliance');
        for (const deal of c.deals.filter((d) => d.obligation === obligation && obligation >= 0))
          expect(compliance?.detail, `${item.id} / ${deal.id}`).toContain(`“${deal.title}”`);
      }
    });
  }
});

describe('effects named by other parts of a scenario, in words', () => {
  it('a mitigation names the loss, how much less likely it becomes, and what it costs', () => {
    const scenario = shipped('legacy-router');
    const stormMode = scenario.items.find((i) => i.id === 'storm-mode')!;
    const event = scenario.events.find((e) => e.id === 'storm-cascade');
    if (event?.kind !== 'cascade') throw new Error('the scenario changed');
    const m = event.mitigations.find((x) => x.item === 'storm-mode')!;
    const [badge] = effectBadges(scenario, stormMode);
    expect(badge).toMatchObject({ key: 'mitigates:storm-cascade', tone: 'good' });
    expect(badge!.label).toBe(`−${Math.round(m.reduction * 100)}% “Major storm cascades…”`);
    expect(badge!.detail).toContain(`cuts the chance of “${event.title}” by ${m.reduction * 100}%`);
    expect(describeEffects(scenario, stormMode)).not.toContain(
      'No direct effect on revenue, satisfaction, debt or risk.',
    );
  });

  it('preparing for an event names the event, its chance, the work it adds and the partner item', () => {
    const scenario = shipped('zero-day');
    const sbom = scenario.items.find((i) => i.id === 'sbom')!;
    const badge = effectBadges(scenario, sbom).find((b) => b.key === 'prepares:zero-day')!;
    const event = scenario.events.find((e) => e.id === 'zero-day');
    if (event?.kind !== 'injectItem' || !event.prepared) throw new Error('the scenario changed');
    const injected = scenario.items.find((i) => i.id === event.item)!;
    const partner = scenario.items.find((i) => i.id === 'ir-playbook')!;
    expect(badge.detail).toBe(
      `If “${event.title}” happens (${event.probability * 100}% chance in ${scenario.time.labels[event.slot]}), the work it adds (“${injected.title}”, ${injected.effort} points) takes ${event.prepared.effortFactor * 100}% of its effort when it and “${partner.title}” are done by then.`,
    );
  });

  it('an item others need names them', () => {
    const scenario = shipped('tutorial');
    for (const item of visibleItems(scenario)) {
      const needers = scenario.items.filter((o) => o.dependsOn.includes(item.id));
      const badge = effectBadges(scenario, item).find((b) => b.key === 'enables');
      if (needers.length === 0) expect(badge, item.id).toBeUndefined();
      else for (const n of needers) expect(badge?.detail, item.id).toContain(`“${n.title}”`);
    }
  });
});
