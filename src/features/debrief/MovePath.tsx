/**
 * Moves toward par: the best next edit at each step, from the learner's plan, each with the points
 * it gains, the figures that moved and a way to try it on the board (a new variant with the plan
 * after that step).
 */
import { useLocation } from 'wouter';

import type { Scenario } from '../../engine';
import {
  LESSONS,
  idleFilled,
  idleSentence,
  type IdleTraces,
  type MovePath as Path,
} from '../../explain/path';
import { useAppStoreApi } from '../../store';

/** "These 4 moves take your plan from 17.8 to 96.8: all of the gap to par." */
export function pathSummary(path: Path, parLabel: string): string {
  const n = path.steps.length;
  if (n === 0)
    return path.par - path.start < 0.5
      ? `Your plan is within half a point of ${parLabel.toLowerCase()}: there is no move left to explain.`
      : `No single change to your plan gains a point toward ${parLabel.toLowerCase()}: the gap (${(path.par - path.start).toFixed(1)} points) needs several changes at once.`;
  const share = Math.round(path.explained * 100);
  const left = (path.par - path.end).toFixed(1);
  const rest =
    path.stopped === 'together'
      ? ` From there no single change gains: the other ${left} points need several changes made together (compare with ${parLabel.toLowerCase()}’s plan below).`
      : path.stopped === 'steps'
        ? ` ${left} points are left after ${n} moves; “Where the gap is” shows them by metric.`
        : '';
  return `${n === 1 ? 'This move takes' : `These ${n} moves take`} your plan from ${path.start.toFixed(1)} to ${path.end.toFixed(1)} (${parLabel.toLowerCase()}: ${path.par.toFixed(1)}): ${share >= 100 ? 'all' : `${share}%`} of the gap.${rest}`;
}

export function MovePath({
  scenario,
  path,
  yours,
  parLabel,
  boardHref,
}: {
  scenario: Scenario;
  path: Path;
  /** The learner's expected outcome: where their plan leaves capacity idle. */
  yours: IdleTraces;
  parLabel: string;
  boardHref: string;
}) {
  const idle = idleFilled(yours, path);
  const store = useAppStoreApi();
  const [, navigate] = useLocation();
  const tryStep = (index: number) => {
    const step = path.steps[index]!;
    store.getState().addVariant(scenario, {
      name: `Moves toward par (${index + 1} of ${path.steps.length})`,
      plan: step.plan,
    });
    navigate(boardHref);
  };
  return (
    <section className="debrief-section path-section" aria-labelledby="path-title">
      <h2 id="path-title">Moves toward {parLabel.toLowerCase()}</h2>
      <p data-testid="path-summary">{pathSummary(path, parLabel)}</p>
      {path.steps.length > 0 && (
        <ol className="path-list" data-testid="move-path">
          {path.steps.map((step, i) => (
            <li key={i} className="path-step">
              <p className="path-sentence">{step.sentence}</p>
              <p className="path-lesson small">
                <strong>{LESSONS[step.lesson].title}.</strong> {LESSONS[step.lesson].text}
              </p>
              <p className="path-meta muted small">
                Score {step.before.toFixed(1)} → {step.after.toFixed(1)}.{' '}
                <button
                  type="button"
                  className="button button-small no-print"
                  onClick={() => tryStep(i)}
                  aria-label={`Try this: moves 1 to ${i + 1} on a new variant`}
                >
                  Try this
                </button>
              </p>
            </li>
          ))}
        </ol>
      )}
      {idle.length > 0 && (
        <p className="path-lesson path-idle" data-testid="path-idle">
          <strong>{LESSONS.idle.title}.</strong> {idleSentence(scenario, idle)} {LESSONS.idle.text}
        </p>
      )}
      <p className="muted small">
        Each step is the single change that gains the most from where the one before left off:
        placing an item in a slot at a position, taking one out, swapping two, replacing one with a
        backlog item, placing one with what it needs first, or taking a slot’s overflow out. Steps
        build on each other, so a step’s points hold after the steps before it. Under each, the
        general lesson it shows. “Try this” opens your plan with the moves up to that step as a new
        variant.
      </p>
    </section>
  );
}
