/**
 * A shared plan, opened from a `#/share/<token>` link: read-only slots with item titles, types
 * and the author's notes, the projected score and its share of par, and "Make a copy", which adds
 * the plan as a NEW variant of the recipient's own plans (importing the scenario the link carries,
 * if any). A damaged, cut-off or too-new link shows the decoder's issues and a way back.
 */
import { entryOf } from '../../engine/ids';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';

import { Breadcrumbs } from '../../components/Breadcrumbs';
import { CopyIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { ITEM_TYPE_LABELS, formatPoints, percentOfPar, slotLabel } from '../../explain/advice';
import { NET_VALUE_DESCRIPTION, NET_VALUE_LABEL, netValueText } from '../../explain/value';
import { decodeShare, type SharedPlan } from '../../engine/share';
import { backlogIds, type Issue, type Item } from '../../engine';
import {
  expectedOutcome,
  listScenarios,
  selectScenario,
  useAppStore,
  useAppStoreApi,
  useCatalog,
} from '../../store';
import { copySharedPlan, sameScenario } from './copyShared';
import './share.css';

export interface SharedPlanPageProps {
  /** The part of the link after `#/share/`. */
  token: string;
  libraryHref: string;
  boardHref: (scenarioId: string) => string;
}

/** Messengers sometimes percent-encode a link's characters; undo that when it is safe. */
function tidyToken(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

function IssueList({ issues, label }: { issues: readonly Issue[]; label: string }) {
  return (
    <ul className="issues" aria-label={label}>
      {issues.slice(0, 12).map((issue, i) => (
        <li key={i}>
          <code>{issue.path}</code>: {issue.message}
        </li>
      ))}
    </ul>
  );
}

function BrokenLink({ issues, libraryHref }: { issues: readonly Issue[]; libraryHref: string }) {
  return (
    <section className="shared-plan" aria-labelledby="shared-title">
      <h1 id="shared-title" tabIndex={-1}>
        This link cannot be opened
      </h1>
      <Notice tone="error" title="The shared plan could not be read" role="alert">
        <IssueList issues={issues} label="Problems with the link" />
      </Notice>
      <p>
        Nothing in your own plans has changed. If a fresh copy of the link does not open either, the
        plan file works too: ask the sender for it.
      </p>
      <p>
        <Link href={libraryHref} className="button button-primary">
          Go to the scenario library
        </Link>
      </p>
    </section>
  );
}

function ItemRow({ item, note }: { item: Item; note: string | undefined }) {
  return (
    <li className={`shared-item type-${item.type}`}>
      <div className="shared-item-meta">
        <span className="shared-type">{ITEM_TYPE_LABELS[item.type]}</span>
        <span className="shared-effort muted small">{formatPoints(item.effort)} pts</span>
      </div>
      <span className="shared-item-title">{item.title}</span>
      {note && (
        <p className="shared-note">
          <span className="visually-hidden">Author’s note: </span>
          {note}
        </p>
      )}
    </li>
  );
}

function SharedPlanView({
  shared,
  boardHref,
  libraryHref,
}: {
  shared: SharedPlan;
  boardHref: (scenarioId: string) => string;
  libraryHref: string;
}) {
  const store = useAppStoreApi();
  const [, navigate] = useLocation();
  const local = useAppStore((state) => selectScenario(state, shared.scenarioId));
  const scenario = shared.scenario ?? local;
  // Par belongs to the scenario the recipient has under this id; a carried scenario that differs
  // from it gets no percentage rather than a wrong one.
  const parUsable = !!scenario && (!shared.scenario || !local || sameScenario(local, scenario));
  const par = useAppStore((state) => (scenario ? entryOf(state.par, scenario.id) : undefined));
  const requestPar = useAppStore((state) => state.requestPar);
  const [copyIssues, setCopyIssues] = useState<Issue[] | null>(null);

  useEffect(() => {
    if (scenario && parUsable) requestPar(scenario);
  }, [scenario, parUsable, requestPar]);

  const outcome = useMemo(
    () => (scenario ? expectedOutcome(scenario, shared.plan) : null),
    [scenario, shared.plan],
  );
  if (!scenario || !outcome)
    return (
      <BrokenLink
        libraryHref={libraryHref}
        issues={[{ path: '(link) scenarioId', message: 'names a scenario this app does not have' }]}
      />
    );

  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const left = backlogIds(scenario, shared.plan);
  const percent =
    parUsable && par?.status === 'ready' ? percentOfPar(outcome.score, par.score) : null;
  const parText =
    !parUsable || par?.status === 'failed'
      ? 'par not available'
      : par?.status === 'ready'
        ? percent === null
          ? 'par not available'
          : `${percent.toFixed(0)}% of par`
        : 'computing par…';

  const makeCopy = () => {
    const result = copySharedPlan(store.getState, shared);
    if (!result.ok) {
      setCopyIssues(result.issues);
      return;
    }
    store.getState().setPreferences({ lastScenarioId: result.scenario.id });
    navigate(boardHref(result.scenario.id));
  };

  return (
    <article className="shared-plan" aria-labelledby="shared-title">
      <Breadcrumbs steps={[{ href: libraryHref, label: 'Scenario library' }]} />
      <header className="shared-header">
        <p className="eyebrow">Shared plan · read-only</p>
        <h1 id="shared-title" tabIndex={-1}>
          {shared.name}
        </h1>
        <p className="muted">
          For the scenario <strong>{scenario.title}</strong>
          {shared.scenario && !local ? ' (it comes with the link)' : ''}. Your own plans are not
          changed by looking.
        </p>
      </header>

      <section className="shared-summary" aria-label="Projected outcome">
        <p className="shared-score-line">
          <span className="shared-score-label">Projected score </span>
          <span className="shared-score-value" data-testid="shared-score">
            {outcome.score.toFixed(1)}
          </span>
          <span className="shared-score-max"> / 100</span>
        </p>
        <p className="shared-net" title={`${NET_VALUE_LABEL}: ${NET_VALUE_DESCRIPTION}`}>
          {NET_VALUE_LABEL} <strong data-testid="shared-net-value">{netValueText(outcome)}</strong>
        </p>
        <p data-testid="shared-par">
          <strong>{parText}</strong>
          {parUsable && par?.status === 'ready' && (
            <span className="muted"> (par {par.score.toFixed(1)})</span>
          )}
        </p>
        <div className="shared-actions">
          <button type="button" className="button button-primary" onClick={makeCopy}>
            <CopyIcon />
            Make a copy
          </button>
          <span className="small muted">
            Adds it as a new variant of your plans for this scenario; nothing of yours is replaced.
          </span>
        </div>
        {copyIssues && (
          <Notice tone="error" title="The copy could not be made" role="alert">
            <IssueList issues={copyIssues} label="Problems making the copy" />
          </Notice>
        )}
      </section>

      <ol className="shared-slots">
        {shared.plan.slots.map((ids, slot) => {
          const points = ids.reduce((sum, id) => sum + (items.get(id)?.effort ?? 0), 0);
          return (
            <li key={slot} className="shared-slot">
              <h2 className="shared-slot-title">
                {slotLabel(scenario, slot)}{' '}
                <span className="muted small">
                  {ids.length} {ids.length === 1 ? 'item' : 'items'} · {formatPoints(points)} pts
                </span>
              </h2>
              {ids.length === 0 ? (
                <p className="muted small">Nothing planned.</p>
              ) : (
                <ol className="shared-items">
                  {ids.map((id) => {
                    const item = items.get(id);
                    return item ? (
                      <ItemRow key={id} item={item} note={entryOf(shared.notes, id)} />
                    ) : null;
                  })}
                </ol>
              )}
            </li>
          );
        })}
      </ol>

      {left.length > 0 && (
        <section className="shared-left" aria-labelledby="shared-left-title">
          <h2 id="shared-left-title" className="shared-slot-title">
            Not planned{' '}
            <span className="muted small">
              {left.length} {left.length === 1 ? 'item' : 'items'}
            </span>
          </h2>
          <ul className="shared-items">
            {left.map((id) => {
              const item = items.get(id);
              return item ? (
                <ItemRow key={id} item={item} note={entryOf(shared.notes, id)} />
              ) : null;
            })}
          </ul>
        </section>
      )}
    </article>
  );
}

export function SharedPlanPage({ token, libraryHref, boardHref }: SharedPlanPageProps) {
  const catalog = useCatalog();
  const imported = useAppStore((state) => state.imported);
  // Decode once per link (and when the library changes): the scenarios it may refer to.
  const decoded = useMemo(() => {
    const known = listScenarios(catalog, imported);
    return decodeShare(tidyToken(token), (id) => known.find((l) => l.scenario.id === id)?.scenario);
  }, [token, catalog, imported]);
  if (!decoded.ok) return <BrokenLink issues={decoded.issues} libraryHref={libraryHref} />;
  return <SharedPlanView shared={decoded.shared} boardHref={boardHref} libraryHref={libraryHref} />;
}
