import { describe, expect, it } from 'vitest';
import { debrief } from '../../src/explain/debrief.ts';
import { bakedPar, findPar } from '../../src/engine/par.ts';
import {
  compareTeams,
  comparisonCsv,
  comparisonMarkdown,
  escapeMarkdown,
  planReportMarkdown,
} from '../../src/explain/report.ts';
import type { Plan } from '../../src/engine/index.ts';
import { shipped } from '../engine/helpers.ts';

const s = shipped('big-customer');
const par = (bakedPar(s) ?? findPar(s)).plan;
const plan: Plan = {
  slots: [['dark-mode', 'ai-assistant'], ['user-model', 'sso'], ['patch-pdf'], ['db-migration']],
};

describe('plan report', () => {
  const d = debrief(s, plan, { par, seed: 2 });
  const md = planReportMarkdown({
    scenario: s,
    plan,
    name: 'Growth bet',
    team: 'Team <b>Blue</b>',
    notes: {
      'ai-assistant': 'The board wants an *AI* story',
      waf: 'Not this year: [link](http://x)',
    },
    debrief: d,
  });

  it('states the score, % of par and the top cause', () => {
    expect(md).toContain(`**Score:** ${d.score.toFixed(1)} — ${d.percentOfPar.toFixed(0)}% of par`);
    expect(md).toContain('## What made the difference');
    expect(md).toMatch(/^1\. Because Patch the PDF library CVE was deferred to Q3/m);
  });

  it("puts the author's notes beside the items, including left-out ones", () => {
    expect(md).toContain('  - Why: The board wants an \\*AI\\* story');
    expect(md).toContain('### Left out');
    expect(md).toContain('Not this year: \\[link\\](http://x)');
  });

  it('escapes untrusted text so it cannot inject markup', () => {
    expect(md).toContain('Team \\<b>Blue\\</b>');
    expect(md).not.toMatch(/(^|[^\\])<b>/);
    expect(escapeMarkdown('# heading\n1. list')).toBe('\\# heading\n1\\. list');
  });
});

describe('team comparison', () => {
  const entries = [
    { team: 'Red', plan },
    { team: 'Green', plan: par },
    { team: 'Blue', plan: { slots: [[], [], [], []] } },
  ];
  const comparison = compareTeams(s, entries, par);

  it('ranks teams by score with % of par', () => {
    expect(comparison.rows.map((r) => r.team)).toEqual(['Green', 'Red', 'Blue']);
    expect(comparison.rows[0]!.percentOfPar).toBeCloseTo(100, 9);
    expect(comparison.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('shares a rank on a tie', () => {
    const tie = compareTeams(
      s,
      [
        { team: 'A', plan: par },
        { team: 'B', plan: par },
      ],
      par,
    );
    expect(tie.rows.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('lists which items every team, some teams and no team chose', () => {
    const sso = comparison.items.find((i) => i.id === 'sso')!;
    expect(sso.teams).toEqual(expect.arrayContaining(['Red']));
    const md = comparisonMarkdown(s, comparison);
    expect(md).toContain('| 1 | Green |');
    expect(md).toContain('## Only some teams chose');
  });

  it('exports CSV with quoted fields and defused formulas', () => {
    const csv = comparisonCsv(s, compareTeams(s, [{ team: '=HYPERLINK("x")', plan }], par));
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toMatch(/^rank,team,score,percent_of_par,revenue/);
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('scoring presets', () => {
  it("offers Balanced (the scenario's weights) first, the scenario's own presets, then generic ones", async () => {
    const { scoringPresets } = await import('../../src/engine/presets.ts');
    const presets = scoringPresets(s);
    expect(presets[0]).toMatchObject({ id: 'balanced', weights: s.scoring.weights });
    expect(presets.filter((p) => p.id === 'growth')).toHaveLength(1);
    expect(presets.map((p) => p.id)).toContain('ciso');
  });
});
