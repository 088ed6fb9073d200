/**
 * Decision quality, for a year played quarter by quarter: each commit graded against the best
 * commit available with what was known when it was made (the engine's `gradeCommit`, one job per
 * commit in the worker), and the game's decision score, par less every point lost. The rows
 * appear as their grades arrive.
 */
import { useEffect, useMemo, useState } from 'react';

import type { Plan, Scenario, Weights } from '../../engine';
import type { CommitGrade, DecisionQuality as Quality } from '../../engine/decisions';
import { decisionRows, decisionScore, decisionSentence } from '../../explain/decisions';
import { learnedSentence } from '../../explain/uncertainty';
import { Notice } from '../../components/Notice';
import { useEngine } from '../../workers/EngineProvider';

export interface DecisionQualityProps {
  scenario: Scenario;
  plan: Plan;
  /** The seed the slots were played with. */
  seed: number;
  /** Par's score for the year, under the same weights. */
  parScore: number;
  weights?: Weights;
  /** Called once every commit is graded, with the game's decision quality. */
  onGraded?: (quality: Quality) => void;
}

type Grades = { key: string; commits: CommitGrade[]; failed: string | null };

export function DecisionQuality({
  scenario,
  plan,
  seed,
  parScore,
  weights,
  onGraded,
}: DecisionQualityProps) {
  const engine = useEngine();
  const slots = scenario.time.labels.length;
  const key = JSON.stringify([scenario.id, plan.slots, seed, weights ?? null]);
  const [grades, setGrades] = useState<Grades | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const commits: CommitGrade[] = [];
    void (async () => {
      try {
        for (let slot = 0; slot < slots; slot++) {
          const grade = await engine.commit(scenario, {
            plan,
            seed,
            slot,
            ...(weights ? { weights } : {}),
          });
          if (!live) return;
          commits.push(grade);
          setGrades({ key, commits: [...commits], failed: null });
        }
      } catch (error) {
        if (live)
          setGrades({
            key,
            commits: [...commits],
            failed: error instanceof Error ? error.message : String(error),
          });
      }
    })();
    return () => {
      live = false;
    };
  }, [engine, scenario, plan, seed, weights, slots, key, attempt]);

  const current = grades?.key === key ? grades : null;
  const commits = current?.commits ?? [];
  const rows = decisionRows(scenario, commits);
  const learned = commits.flatMap((c) =>
    c.learned ? [{ slot: c.slot, text: learnedSentence(scenario, c.slot, c.learned) }] : [],
  );
  const done = commits.length === slots;
  const graded = done ? current?.commits : undefined;
  const quality = useMemo(
    () => (graded ? decisionScore(parScore, graded) : null),
    [graded, parScore],
  );
  useEffect(() => {
    if (quality) onGraded?.(quality);
  }, [quality, onGraded]);
  return (
    <section className="debrief-section" aria-labelledby="decisions-title" data-testid="decisions">
      <h2 id="decisions-title">Decision quality</h2>
      <p className="small muted">
        You played quarter by quarter. Each commit is graded against the best commit available with
        what you knew when you made it — the slots already played and what they revealed, not the
        dice still to come nor a value not yet shown — with every later decision made well. Luck
        never enters this grade.
      </p>
      {current?.failed ? (
        <Notice tone="error" title="The commits could not be graded" role="alert">
          <p>{current.failed}</p>
          <p>
            <button
              type="button"
              className="button button-small"
              onClick={() => setAttempt((n) => n + 1)}
            >
              Try again
            </button>
          </p>
        </Notice>
      ) : quality ? (
        <p className="decision-sentence" data-testid="decision-sentence">
          {decisionSentence(scenario, quality)}
        </p>
      ) : (
        <p role="status" className="muted">
          Grading your commits… {commits.length} of {slots}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table decision-table">
            <caption className="visually-hidden">
              Each commit against the best commit available then, in points
            </caption>
            <thead>
              <tr>
                <th scope="col">Slot</th>
                <th scope="col">You committed</th>
                <th scope="col">Best available then</th>
                <th scope="col">Points lost</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.slot} className={row.good ? 'is-good' : 'is-lost'}>
                  <th scope="row">{row.label}</th>
                  <td>{row.committed}</td>
                  <td>{row.best}</td>
                  <td className="num">{row.lost}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {learned.length > 0 && (
        <section aria-labelledby="decisions-learned" data-testid="decisions-learned">
          <h3 id="decisions-learned">What you learned, and what it was worth</h3>
          <ul>
            {learned.map((line) => (
              <li key={line.slot}>{line.text}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
