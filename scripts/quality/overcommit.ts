/**
 * Over-commitment, measured (the Model 2 issue, item 4): on every shipped scenario and every slot
 * but the last, par's plan with later items pulled into the slot (the earliest later slot first,
 * in par's order, skipping work that cannot start before a later slot) until the slot's load
 * reaches 150% of its forecast effective capacity (par's expected run), the load counted as
 * over-commitment counts it (docs/model.md step 2: each item up to what m of the k streams give
 * one item, so the board shows that slot over-committed by 0.5), and how many points that costs
 * against par. The target is at
 * least 3 points everywhere; this prints where the model stands.
 *
 *   npx tsx scripts/quality/overcommit.ts [scenario-id] [--constants '{"thrash":0.5}']
 *
 * `--constants` overrides model constants for every scenario (to explore a change; the baked par
 * is then no longer the best plan, so the drops are indicative).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { table } from '../../src/cli/table.ts';
import { DEFAULT_STREAMS, scenarioConstants } from '../../src/engine/compile.ts';
import { itemStreams } from '../../src/engine/constants.ts';
import { loadScenario, simulate, type Plan, type Scenario } from '../../src/engine/index.ts';

const LOAD = 1.5;

export interface OvercommitRow {
  slot: string;
  /** Items pulled in from later slots (null: not enough later work to reach the load; 0: par already holds it). */
  moved: number | null;
  /** Par's score minus the over-committed plan's (null: no such plan, see `moved`). */
  drop: number | null;
  /** The over-committed plan's net value minus par's, dollars. */
  net: number | null;
}

/** Par's plan with the slot loaded to `LOAD` × its effective capacity, for every slot but the last. */
export function overcommitment(s: Scenario): OvercommitRow[] {
  const par = s.par?.plan;
  if (!par) throw new Error(`${s.id} has no baked par`);
  const base = simulate(s, par);
  const effort = new Map(base.items.map((i) => [i.id, i.effort]));
  const notBefore = new Map(s.items.map((i) => [i.id, i.notBefore ?? 0]));
  const streams = s.team.streams ?? DEFAULT_STREAMS;
  const share = itemStreams(streams, scenarioConstants(s).streamsPerItem);
  const rows: OvercommitRow[] = [];
  for (let slot = 0; slot < s.time.labels.length - 1; slot++) {
    const plan: Plan = { slots: par.slots.map((ids) => [...ids]) };
    const c0 = base.slots[slot]!.effectiveCapacity;
    const target = LOAD * c0;
    const perItem = (c0 * share) / streams;
    let load = base.slots[slot]!.contendedLoad;
    let moved = 0;
    for (let later = slot + 1; later < plan.slots.length && load < target; later++)
      for (const id of [...plan.slots[later]!]) {
        if (load >= target) break;
        // Work that cannot start before a later slot would only wait in this one: no load.
        if ((notBefore.get(id) ?? 0) > slot) continue;
        plan.slots[later]!.splice(plan.slots[later]!.indexOf(id), 1);
        plan.slots[slot]!.push(id);
        load += Math.min(effort.get(id) ?? 0, perItem);
        moved++;
      }
    const label = s.time.labels[slot]!;
    if (load < target) {
      rows.push({ slot: label, moved: null, drop: null, net: null });
      continue;
    }
    if (moved === 0) {
      // Par itself queues that much there (work that waits for a later start runs over into
      // it): there is no over-committed variant of par to compare with.
      rows.push({ slot: label, moved, drop: null, net: null });
      continue;
    }
    const out = simulate(s, plan);
    rows.push({
      slot: label,
      moved,
      drop: base.score - out.score,
      net: out.ledger.net - base.ledger.net,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--constants');
  const overrides = at >= 0 ? (JSON.parse(args[at + 1]!) as Record<string, number>) : {};
  const only = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  const dir = join(import.meta.dirname, '..', '..', 'scenarios');
  const files = readdirSync(dir).filter(
    (f) => f.endsWith('.json') && f !== 'schema.json' && (!only || f === `${only}.json`),
  );
  const out: (string | number)[][] = [];
  let worst = Infinity;
  for (const file of files.sort()) {
    const loaded = loadScenario(readFileSync(join(dir, file), 'utf8'));
    if (!loaded.ok) throw new Error(`${file} is invalid`);
    const s = { ...loaded.scenario, constants: { ...loaded.scenario.constants, ...overrides } };
    for (const row of overcommitment(s)) {
      if (row.drop !== null) worst = Math.min(worst, row.drop);
      out.push([
        s.id,
        row.slot,
        row.moved ?? '—',
        row.drop === null
          ? row.moved === 0
            ? 'par holds that load already'
            : 'not enough later work'
          : row.drop.toFixed(1),
        row.net === null ? '' : `${(row.net / 1e6).toFixed(2)}M`,
      ]);
    }
  }
  process.stdout.write(
    `par with a slot loaded to ${LOAD * 100}% of its effective capacity: points below par (target ≥ 3)\n`,
  );
  process.stdout.write(table(['Scenario', 'Slot', 'Pulled in', 'Drop', 'Net value'], out));
  process.stdout.write(`\nsmallest drop: ${worst.toFixed(2)} points\n`);
}
