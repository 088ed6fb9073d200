/**
 * Where would an experiment be worth something? For each uncertain feature of the named shipped
 * scenarios (a feature with ARR, a stated confidence of at most 0.6 and no hidden value yet), a
 * copy of the scenario gets that feature's value hidden between two outcomes that weigh to its
 * stated confidence, the feature waits for the second slot, and a 1-point experiment reveals it.
 * Prints committed par, adaptive par and their difference, the value of information (quick
 * searches: indicative, a tenth of a point or so from `dojo voi`'s figures). Guard-rail 8 asks for
 * at least 4 points.
 *
 *   npx tsx scripts/quality/voiScan.ts <scenario-id>… [--long-shot]
 *
 * Outcomes: "flop" ×0.05 and "hit" ×1.05 (the chance of a hit is the confidence less 0.05), as the
 * shipped value-of-information scenarios use; with `--long-shot`, ×0 at 90% and a hit worth
 * confidence / 0.1 at 10% (the same expected ARR, a wider spread).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { table } from '../../src/cli/table.ts';
import { loadScenario } from '../../src/engine/index.ts';
import { computeAnchors } from '../../src/engine/par.ts';
import { adaptivePar } from '../../src/engine/voi.ts';

interface RawItem {
  id: string;
  type: string;
  effort: number;
  injected?: boolean;
  notBefore?: number;
  value?: { arr?: number; confidence?: number; outcomes?: unknown };
}

const PROBE = {
  id: 'probe-experiment',
  title: 'Probe',
  description: 'A one-point test that reveals the feature’s value.',
  type: 'feature',
  effort: 1,
  lens: {
    reach: 0,
    impact: 0.25,
    businessValue: 1,
    timeCriticality: 3,
    riskReduction: 5,
    moscow: 'could',
  },
};

function outcomes(confidence: number, longShot: boolean) {
  if (longShot)
    return [
      { factor: 0, chance: 0.9, label: 'flop' },
      { factor: Number((confidence / 0.1).toFixed(4)), chance: 0.1, label: 'hit' },
    ];
  const hit = Number((confidence - 0.05).toFixed(4));
  return [
    { factor: 0.05, chance: Number((1 - hit).toFixed(4)), label: 'flop' },
    { factor: 1.05, chance: hit, label: 'hit' },
  ];
}

const longShot = process.argv.includes('--long-shot');
const ids = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (ids.length === 0) {
  console.error('usage: npx tsx scripts/quality/voiScan.ts <scenario-id>… [--long-shot]');
  process.exit(2);
}
const rows: string[][] = [];
for (const id of ids) {
  const source = JSON.parse(readFileSync(join('scenarios', `${id}.json`), 'utf8')) as {
    items: RawItem[];
  };
  for (const item of source.items) {
    const confidence = item.value?.confidence ?? 1;
    if (item.type !== 'feature' || item.injected || item.value?.outcomes !== undefined) continue;
    if (confidence > 0.6 || !((item.value?.arr ?? 0) > 0)) continue;
    const raw = structuredClone(source) as Record<string, unknown> & {
      items: RawItem[];
      scoring: { anchors?: unknown };
    };
    delete raw.par;
    delete raw.scoring.anchors;
    const copy = raw.items.find((i) => i.id === item.id)!;
    copy.value = { ...copy.value, outcomes: outcomes(confidence, longShot) };
    copy.notBefore = Math.max(copy.notBefore ?? 0, 1);
    raw.items.push({ ...PROBE, reveals: [item.id] } as RawItem);
    const loaded = loadScenario(JSON.stringify(raw));
    if (!loaded.ok) {
      rows.push([id, item.id, 'does not load', loaded.issues.map((i) => i.message).join('; ')]);
      continue;
    }
    const anchors = computeAnchors(loaded.scenario, { budget: 8_000 });
    const r = adaptivePar(loaded.scenario, { anchors, budget: 5_000 });
    rows.push([
      id,
      item.id,
      `${(item.value!.arr! / 1e6).toFixed(1)}M at ${confidence}, ${item.effort} pts`,
      `${r.committed.toFixed(1)} → ${r.adaptive.toFixed(1)}: ${(r.adaptive - r.committed).toFixed(1)}`,
    ]);
  }
}
console.log(
  `Value of information of a 1-point experiment on each uncertain feature (${longShot ? 'long shot: ×0 at 90%, a hit at 10%' : 'flop ×0.05, hit ×1.05'}; guard-rail 8: ≥ 4)`,
);
console.log(table(['Scenario', 'Feature', 'Stated value', 'Committed → adaptive: value'], rows));
