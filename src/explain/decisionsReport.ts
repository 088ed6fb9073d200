/**
 * Decision quality in the debrief's exports (Markdown and JSON). Apart from `decisions.ts`, which
 * the first screen (the library's cards) loads: the Markdown escaping comes with the report.
 */
import type { DecisionQuality } from '../engine/decisions';
import type { Scenario } from '../engine/schema';
import { decisionRows, decisionSentence } from './decisions';
import { escapeMarkdown } from './report';
import { learnedSentence } from './uncertainty';

/** The decision-quality section of the debrief's Markdown export: the sentence and the table. */
export function decisionsMarkdown(scenario: Scenario, dq: DecisionQuality): string {
  const cell = (text: string) => escapeMarkdown(text).replace(/\|/g, '\\|');
  const lines = [
    '## Decision quality',
    '',
    escapeMarkdown(decisionSentence(scenario, dq)),
    '',
    '| Slot | You committed | Best available then | Points lost |',
    '| --- | --- | --- | ---: |',
    ...decisionRows(scenario, dq.commits).map(
      (row) => `| ${cell(row.label)} | ${cell(row.committed)} | ${cell(row.best)} | ${row.lost} |`,
    ),
  ];
  const learned = dq.commits.flatMap((c) =>
    c.learned ? [`- ${escapeMarkdown(learnedSentence(scenario, c.slot, c.learned))}`] : [],
  );
  if (learned.length > 0)
    lines.push('', '### What you learned, and what it was worth', '', ...learned);
  return `${lines.join('\n')}\n`;
}

/** The decision-quality part of the debrief's JSON export. */
export function decisionsJson(scenario: Scenario, dq: DecisionQuality) {
  return {
    score: dq.score,
    parScore: dq.parScore,
    lost: dq.lost,
    commits: dq.commits.map((c) => ({
      slot: scenario.time.labels[c.slot] ?? `Slot ${c.slot + 1}`,
      committed: c.committed,
      best: c.best,
      bestScore: c.bestScore,
      yourScore: c.yourScore,
      lost: c.lost,
      ...(c.learned
        ? {
            learned: {
              facts: c.learned.facts.map((f) => ({
                item: f.item,
                ...(f.kind === 'effort'
                  ? { effort: f.effort }
                  : f.kind === 'likelihood'
                    ? { perYear: f.perYear }
                    : { arr: f.arr }),
                by: f.by,
                slot: scenario.time.labels[f.slot] ?? `Slot ${f.slot + 1}`,
              })),
              worth: c.learned.worth,
              informedScore: c.learned.informedScore,
              blindScore: c.learned.blindScore,
            },
          }
        : {}),
    })),
  };
}
