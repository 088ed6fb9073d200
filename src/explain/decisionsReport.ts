/**
 * Decision quality in the debrief's exports (Markdown and JSON). Apart from `decisions.ts`, which
 * the first screen (the library's cards) loads: the Markdown escaping comes with the report.
 */
import type { DecisionQuality } from '../engine/decisions';
import type { Scenario } from '../engine/schema';
import { decisionRows, decisionSentence } from './decisions';
import { escapeMarkdown } from './report';

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
    })),
  };
}
