/**
 * The debrief's exports of a year played round by round carry each commit's grade, with the same
 * numbers and words as the page's decision-quality section.
 */
import { describe, expect, it } from 'vitest';

import { decisionQuality } from '../../../src/engine/decisions';
import { debrief } from '../../../src/explain/debrief';
import { decisionRows, decisionSentence } from '../../../src/explain/decisions';
import { debriefJson, debriefMarkdown } from '../../../src/features/debrief/exportFiles';
import { shipped } from '../../engine/helpers';

const tutorial = shipped('tutorial');
const par = tutorial.par!.plan;
// Par's Q1, then only one of its two Q2 items.
const plan = { slots: [par.slots[0]!, [par.slots[1]![0]!]] };
const dq = decisionQuality(tutorial, plan, 3, { budget: 1500 });
const input = {
  scenario: tutorial,
  plan,
  variantName: 'Plan A',
  notes: {},
  debrief: debrief(tutorial, plan, { par, seed: 3 }),
};

describe('exports of a year played round by round', () => {
  it('Markdown ends with the decision-quality sentence and a row per commit', () => {
    const md = debriefMarkdown({ ...input, decisions: dq });
    const section = md.slice(md.indexOf('## Decision quality'));
    expect(section).toContain(decisionSentence(tutorial, dq));
    const rows = decisionRows(tutorial, dq.commits);
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(section).toContain(`| ${row.label} | ${row.committed} | ${row.best} | ${row.lost} |`);
    // Without grades (a whole-year play) there is no such section.
    expect(debriefMarkdown(input)).not.toContain('Decision quality');
  });

  it('JSON carries the score, par and each commit’s numbers', () => {
    const json = JSON.parse(debriefJson({ ...input, decisions: dq })) as {
      result: { decisionQuality: { score: number; parScore: number; commits: unknown[] } };
    };
    expect(json.result.decisionQuality).toEqual({
      score: dq.score,
      parScore: dq.parScore,
      lost: dq.lost,
      commits: dq.commits.map((c) => ({
        slot: tutorial.time.labels[c.slot],
        committed: c.committed,
        best: c.best,
        bestScore: c.bestScore,
        yourScore: c.yourScore,
        lost: c.lost,
      })),
    });
    expect((JSON.parse(debriefJson(input)) as { result: object }).result).not.toHaveProperty(
      'decisionQuality',
    );
  });
});
