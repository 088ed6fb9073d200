import { describe, expect, it } from 'vitest';

import bigJson from '../../../scenarios/big-customer.json';
import tutorialJson from '../../../scenarios/tutorial.json';
import { loadScenario, simulate, type Plan, type Scenario } from '../../../src/engine';
import { bakedPar } from '../../../src/engine/par';
import { makePlanFile } from '../../../src/engine/planFile';
import { encodeShare } from '../../../src/engine/share';
import {
  itemAgreement,
  namedScenarioId,
  rankTeams,
  readPickedFiles,
  readTeamPlans,
  shareToken,
  splitLinks,
  uniqueTeams,
} from '../../../src/features/workshop/comparison';
import type { TeamPlanInput } from '../../../src/store';

// Read from the files (not the app's catalog): these tests are about the comparison alone.
function scenarioOf(json: unknown): Scenario {
  const loaded = loadScenario(json);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.scenario;
}
const big = scenarioOf(bigJson);
const tutorial = scenarioOf(tutorialJson);
const find = (id: string): Scenario | undefined =>
  [big, tutorial].find((s) => s.id === id) ?? undefined;
const visible = big.items.filter((i) => !i.injected && (i.dependsOn ?? []).length === 0);
const empty: Plan = { slots: big.time.labels.map(() => []) };
const one: Plan = { slots: big.time.labels.map((_, s) => (s === 0 ? [visible[0]!.id] : [])) };
const two: Plan = {
  slots: big.time.labels.map((_, s) => (s === 0 ? [visible[0]!.id, visible[1]!.id] : [])),
};
const par = bakedPar(big)!.plan;

const file = (label: string, plan: Plan, extra: { name?: string; team?: string } = {}) => ({
  id: label,
  kind: 'file' as const,
  label,
  text: JSON.stringify(makePlanFile(big, plan, extra)),
});

describe('reading teams’ plans', () => {
  it('names teams from the rename, the plan’s team, else the file’s name', () => {
    const inputs: TeamPlanInput[] = [
      { ...file('a.plan.json', one, { team: 'Team Red', name: 'Bold' }) },
      { ...file('big-customer.green.plan.json', two) },
      { ...file('c.plan.json', one, { name: 'Safety first' }) },
      { ...file('d.plan.json', one, { team: 'Team Red' }), team: 'Blue' },
      { ...file('e.plan.json', two, { team: 'Team Red' }) },
    ];
    const entries = readTeamPlans(inputs, big, find);
    expect(entries.map((e) => (e.ok ? e.team : null))).toEqual([
      'Team Red',
      'green',
      'c',
      'Blue',
      'Team Red (2)',
    ]);
  });

  it('names each bad input with what is wrong and still reads the good ones', () => {
    const wrongScenario = {
      id: 'x',
      kind: 'file' as const,
      label: 'tutorial.plan.json',
      text: JSON.stringify(makePlanFile(tutorial, { slots: [[]] })),
    };
    const unknownItem = file('ghost.plan.json', { slots: [['no-such-item']] });
    const inputs: TeamPlanInput[] = [
      file('good.plan.json', one),
      { id: 'j', kind: 'file', label: 'notes.txt', text: 'not json at all' },
      wrongScenario,
      unknownItem,
      { id: 'l', kind: 'link', label: 'Link 1', text: 'https://example.org/#/share/p1.garbage' },
      {
        id: 'm',
        kind: 'link',
        label: 'Link 2',
        text: `#/share/${encodeShare({ scenario: tutorial, plan: { slots: [[]] }, name: 'T' })}`,
      },
    ];
    const entries = readTeamPlans(inputs, big, find);
    expect(entries[0]).toMatchObject({ ok: true, team: 'good' });
    const bad = entries.slice(1);
    expect(bad.every((e) => !e.ok)).toBe(true);
    const messages = bad.map((e) => (e.ok ? '' : `${e.label} ${JSON.stringify(e.issues)}`));
    expect(messages[0]).toMatch(/^notes\.txt .*JSON/i);
    expect(messages[1]).toMatch(/^tutorial\.plan\.json .*scenarioId.*tutorial.*big-customer/);
    expect(messages[2]).toMatch(/^ghost\.plan\.json .*plan\..*no-such-item/);
    expect(messages[3]).toMatch(/^Link 1 .*\(link\).*damaged/);
    expect(messages[4]).toMatch(/^Link 2 .*is a plan for “tutorial”/);
  });

  it('takes a share link whole, as a hash or as the bare token, and reads its team', () => {
    const token = encodeShare({ scenario: big, plan: two, name: 'Plan', team: 'Team Gold' });
    expect(shareToken(`http://host/app/#/share/${token}`)).toBe(`/share/${token}`);
    const [entry] = readTeamPlans(
      [{ id: 'l', kind: 'link', label: 'Link 1', text: `http://host/app/#/share/${token}` }],
      big,
      find,
    );
    expect(entry).toMatchObject({ ok: true, team: 'Team Gold', plan: two });
    expect(namedScenarioId({ kind: 'link', text: token }, find)).toBe(big.id);
    expect(namedScenarioId(file('a', one), find)).toBe(big.id);
    expect(namedScenarioId({ kind: 'file', text: '{"slots":[]}' }, find)).toBeNull();
    expect(splitLinks(' a \n\n b\r\n')).toEqual(['a', 'b']);
  });

  it('never gives two teams the same name', () => {
    const named = uniqueTeams([{ team: 'A' }, { team: 'A (2)' }, { team: 'A' }, { team: 'A' }]);
    expect(named.map((n) => n.team)).toEqual(['A', 'A (2)', 'A (3)', 'A (4)']);
  });

  it('reports files too large to read by name, and reads the others', async () => {
    const picked = [
      { name: 'huge.plan.json', size: 10_000_000, text: () => Promise.resolve('') },
      { name: 'broken.plan.json', size: 10, text: () => Promise.reject(new Error('gone')) },
      { name: 'ok.plan.json', size: 2, text: () => Promise.resolve('{}') },
    ];
    const { inputs, failed } = await readPickedFiles(picked);
    expect(inputs).toEqual([{ kind: 'file', label: 'ok.plan.json', text: '{}' }]);
    expect(failed.map((f) => [f.label, f.issues[0]!.message])).toEqual([
      ['huge.plan.json', expect.stringMatching(/too large/)],
      ['broken.plan.json', expect.stringMatching(/could not be read.*gone/)],
    ]);
  });
});

describe('ranking teams', () => {
  const weights = big.scoring.weights;
  const entries = readTeamPlans(
    [file('empty.plan.json', empty), file('one.plan.json', one), file('two.plan.json', two)],
    big,
    find,
  );

  it('orders by score with % of par, whatever the order loaded', () => {
    const ranking = rankTeams(big, entries, par, weights)!;
    const scores = ranking.rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ranking.rows.map((r) => r.score)).toEqual(
      ranking.rows.map((r) => simulate(big, r.plan).score),
    );
    const parScore = simulate(big, par).score;
    expect(ranking.parSource).toBe('par');
    for (const row of ranking.rows)
      expect(row.percentOfPar).toBeCloseTo((100 * row.score) / parScore);
    expect(ranking.rows[0]!.rank).toBe(1);
  });

  it('ranks under other weights when a workshop sets them', () => {
    const onlySecurity = { security: 1 };
    const ranking = rankTeams(big, entries, par, onlySecurity)!;
    for (const row of ranking.rows)
      expect(row.score).toBeCloseTo(simulate(big, row.plan, { weights: onlySecurity }).score);
  });

  it('says when par is not known yet, and makes a team that beats par the par', () => {
    expect(rankTeams(big, entries, null, weights)!.parSource).toBe('pending');
    const beaten = rankTeams(big, entries, empty, weights)!;
    expect(beaten.parSource).toBe('team');
    expect(beaten.rows[0]!.percentOfPar).toBeCloseTo(100);
    expect(beaten.par.plan).toEqual(beaten.rows[0]!.plan);
    expect(rankTeams(big, [], par, weights)).toBeNull();
  });

  it('lists the items every team chose, only some chose, and none chose', () => {
    const ranking = rankTeams(big, entries.slice(1), par, weights)!;
    const { all, some, none } = itemAgreement(ranking);
    expect(all.map((i) => i.id)).toEqual([visible[0]!.id]);
    expect(some.map((i) => [i.id, i.teams])).toEqual([[visible[1]!.id, ['two']]]);
    expect(none.length).toBe(big.items.filter((i) => !i.injected).length - 2);
  });
});
