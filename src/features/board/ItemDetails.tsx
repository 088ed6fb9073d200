/**
 * Item details, in a focus-managed dialog: the description, effects in plain words, who asked
 * and by when (with the forecast), prerequisites, the framework inputs and scores, the
 * cost-of-delay shape, and the user's note (the decision journal), saved per item per variant.
 */
import { entryOf } from '../../engine/ids';
import { useId, useMemo, useState } from 'react';

import { Dialog } from '../../components/Dialog';
import {
  ITEM_TYPE_LABELS,
  describeEffects,
  describeUrgency,
  formatPoints,
  itemFacts,
  lensRows,
  sliceText,
  slotLabel,
  type PlanWarning,
} from '../../explain/advice';
import { splitFeaturesOf } from '../../explain/board';
import { formatMoney, formatPercent, formatSlotTime } from '../../explain/format';
import { renegotiatedTermsText } from '../../explain/terms';
import { findItem, type Item, type Outcome, type Plan, type Scenario } from '../../engine';
import { useActiveVariant, useAppStore } from '../../store';
import { uncertaintyBadges } from '../../explain/uncertainty';
import type { RevealedItem } from './workshopMode';
import { TypeIcon } from './TypeIcon';

export interface ItemDetailsProps {
  scenario: Scenario;
  item: Item;
  plan: Plan;
  outcome: Outcome;
  warnings: readonly PlanWarning[];
  /** What round-by-round play revealed of its hidden facts (null: nothing yet). */
  revealed?: readonly RevealedItem[] | null;
  onClose: () => void;
}

/** A tiny chart of the share of value kept if the item ships at the end of each slot. */
function UrgencyCurve({ curve, labels }: { curve: readonly number[]; labels: readonly string[] }) {
  const width = 160;
  const height = 48;
  const step = curve.length > 1 ? width / (curve.length - 1) : width;
  const y = (v: number) => 4 + (1 - v) * (height - 8);
  const points = curve.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <figure className="urgency-curve" aria-hidden="true">
      <svg viewBox={`-12 0 ${width + 24} ${height + 14}`} width={width + 24} height={height + 14}>
        <line x1="0" x2={width} y1={y(0)} y2={y(0)} className="axis" />
        <line x1="0" x2={width} y1={y(1)} y2={y(1)} className="axis faint" />
        <polyline points={points} className="curve" />
        {curve.map((v, i) => (
          <circle key={i} cx={i * step} cy={y(v)} r="2.5" className="dot" />
        ))}
        {labels.map((label, i) => (
          <text key={i} x={i * step} y={height + 12} textAnchor="middle" className="tick">
            {label}
          </text>
        ))}
      </svg>
    </figure>
  );
}

function NoteField({ scenario, itemId }: { scenario: Scenario; itemId: string }) {
  const variant = useActiveVariant(scenario);
  const setNote = useAppStore((s) => s.setNote);
  const [text, setText] = useState(entryOf(variant.notes, itemId) ?? '');
  const id = useId();
  const hintId = useId();
  return (
    <div className="field note-field">
      <label htmlFor={id}>Your rationale</label>
      <textarea
        id={id}
        rows={4}
        value={text}
        aria-describedby={hintId}
        onChange={(event) => {
          setText(event.target.value);
          setNote(scenario, itemId, event.target.value);
        }}
      />
      <p id={hintId} className="small muted">
        Why this item sits where it does (or stays out). Saved automatically with {variant.name};
        your decision journal for the debrief.
      </p>
    </div>
  );
}

export function ItemDetails({
  scenario,
  item,
  plan,
  outcome,
  warnings,
  revealed = null,
  onClose,
}: ItemDetailsProps) {
  const facts = useMemo(() => itemFacts(scenario, item), [scenario, item]);
  const revealedEffort = revealed?.find((r) => r.effort !== undefined)?.effort;
  const unknowns = useMemo(() => uncertaintyBadges(scenario, item), [scenario, item]);
  const effects = useMemo(() => describeEffects(scenario, item), [scenario, item]);
  const urgency = useMemo(() => describeUrgency(scenario, item), [scenario, item]);
  const lens = useMemo(() => lensRows(scenario).find((r) => r.id === item.id), [scenario, item]);
  const at = findItem(plan, item.id);
  const result = outcome.items.find((i) => i.id === item.id);
  const asks = outcome.asks.filter((a) => a.item === item.id);
  const stakeholders = new Map(scenario.stakeholders.map((s) => [s.id, s]));
  const labels = scenario.time.labels;
  const split = splitFeaturesOf(scenario, plan).has(item.id);
  // A split feature is the rest: its effort and share of the value.
  const rest = split && facts.slice?.role === 'feature' ? facts.slice : null;

  const where =
    at === null
      ? 'In the backlog (not planned).'
      : `Planned for ${slotLabel(scenario, at.slot)}, position ${at.index + 1} of ${plan.slots[at.slot]?.length ?? 0}. ` +
        (result?.completedAt != null
          ? `Forecast: done ${formatSlotTime(labels, result.completedAt)}.`
          : 'Forecast: it does not finish within the plan.');

  return (
    <Dialog
      title={item.title}
      onClose={onClose}
      variant="side"
      closeLabel="Close item details"
      className="item-details"
    >
      <p className={`details-type type-${item.type}`}>
        <span className="card-type">
          <TypeIcon type={item.type} />
          {ITEM_TYPE_LABELS[item.type]}
        </span>
        <span data-testid="details-effort">
          {revealedEffort !== undefined
            ? `${formatPoints(revealedEffort)} points, as revealed (estimated ${formatPoints(item.effort)})`
            : rest
              ? `${formatPoints(rest.restEffort)} of its ${formatPoints(item.effort)} points: the rest, after its MVP`
              : `${formatPoints(item.effort)} points`}
          {revealedEffort === undefined &&
            item.effortOutcomes &&
            ` (size unknown: ${item.effortOutcomes.map((o) => formatPoints(o.effort)).join(' or ')})`}
          {item.estimate &&
            ` (estimate ${formatPoints(item.estimate[0])}–${formatPoints(item.estimate[1])}${rest ? ' for the whole' : ''}; expected ${formatPoints(result?.effort ?? item.effort)})`}
        </span>
      </p>
      <p className="details-where">{where}</p>
      {warnings.length > 0 && (
        <ul className="details-warnings" aria-label="Warnings (advisory)">
          {warnings.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      )}
      {item.description && (
        <section className="details-section" aria-label="Description">
          {item.description
            .split(/\r?\n\s*\r?\n/)
            .filter((p) => p.trim() !== '')
            .map((p, i) => (
              <p key={i}>{p}</p>
            ))}
        </section>
      )}

      {unknowns.length > 0 && (
        <section className="details-section">
          <h3>{revealed?.length ? 'What play revealed' : 'Not known yet'}</h3>
          <ul className="details-list">
            {revealed?.map((r, i) => (
              <li key={`${r.badge}-${i}`}>{r.sentence}</li>
            ))}
            {unknowns
              .filter((b) => !revealed?.some((r) => r.badge === b.key))
              .map((b) => (
                <li key={b.key}>{b.detail}</li>
              ))}
          </ul>
        </section>
      )}

      <section className="details-section">
        <h3>Effects when it ships</h3>
        <ul className="details-list">
          {effects.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ul>
      </section>

      {facts.slice && (
        <section className="details-section" data-testid="slice-details">
          <h3>{facts.slice.role === 'mvp' ? 'An MVP slice' : 'It can be sliced'}</h3>
          <p>{sliceText(facts.slice, item.title, split)}</p>
        </section>
      )}

      {facts.renegotiates && (
        <section className="details-section" data-testid="renegotiation-details">
          <h3>A renegotiation</h3>
          <p>
            {facts.renegotiates.name} asked for <strong>{facts.renegotiates.item}</strong> by the
            end of {slotLabel(scenario, facts.renegotiates.bySlot)}. Done by then, before it ships,
            this conversation changes the ask to: {facts.renegotiates.terms}. A silent miss loses
            all of it; planned later, or after the item ships, it changes nothing.
          </p>
        </section>
      )}

      {(facts.asks.length > 0 || facts.dependsOn.length > 0) && (
        <section className="details-section">
          <h3>Who asked, and what it needs</h3>
          <ul className="details-list">
            {asks.map((a, i) => {
              const who = stakeholders.get(a.stakeholder);
              const why = facts.asks.find((f) => f.stakeholder === a.stakeholder)?.why;
              return (
                <li key={i}>
                  <strong>{who ? `${who.name} (${who.role})` : a.stakeholder}</strong> wants it by
                  the end of {slotLabel(scenario, a.bySlot)}
                  {why ? ` — ${why}` : ''}. Forecast:{' '}
                  <span className={`details-ask details-ask-${a.status}`}>
                    {a.status === 'met'
                      ? 'met'
                      : a.status === 'late'
                        ? `late (done ${formatSlotTime(labels, a.completedAt ?? 0)})`
                        : 'missed'}
                  </span>
                  {a.renegotiated
                    ? ` on renegotiated terms (${renegotiatedTermsText(scenario, a.renegotiated, a.bySlot)})`
                    : ''}
                  .
                </li>
              );
            })}
            {facts.dependsOn.map((d) => (
              <li key={d.id}>
                Needs <strong>{d.title}</strong> to be finished first.
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="details-section">
        <h3>Cost of delay: {urgency.title.toLowerCase()}</h3>
        <p>{urgency.text}</p>
        <UrgencyCurve curve={urgency.curve} labels={labels} />
      </section>

      {lens && (
        <section className="details-section">
          <h3>Framework scores</h3>
          {rest && (
            <p data-testid="lens-rest">
              These score the whole feature. Split, it is the rest: {formatPoints(rest.restEffort)}{' '}
              points for {formatPercent(1 - rest.share)} of its value.
            </p>
          )}
          <div className="table-scroll">
            <table className="data-table details-lens-table">
              <thead>
                <tr>
                  <th scope="col">Lens</th>
                  <th scope="col">Score</th>
                  <th scope="col">Inputs</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">RICE</th>
                  <td>{formatPoints(lens.rice)}</td>
                  <td>
                    reach {formatPoints(lens.inputs.reach)} × impact {lens.inputs.impact} ×
                    confidence {formatPercent(lens.inputs.confidence)} ÷ effort{' '}
                    {formatPoints(lens.effort)}
                  </td>
                </tr>
                <tr>
                  <th scope="row">ICE</th>
                  <td>{formatPoints(lens.ice)}</td>
                  <td>impact × confidence × ease (ease falls with effort)</td>
                </tr>
                <tr>
                  <th scope="row">WSJF</th>
                  <td>{formatPoints(lens.wsjf)}</td>
                  <td>
                    (business value {lens.inputs.businessValue} + time criticality{' '}
                    {lens.inputs.timeCriticality} + risk reduction {lens.inputs.riskReduction}) ÷
                    job size {lens.inputs.jobSize}
                  </td>
                </tr>
                <tr>
                  <th scope="row">CD3</th>
                  <td>{lens.cd3 >= 1000 ? formatMoney(lens.cd3) : formatPoints(lens.cd3)}</td>
                  <td>
                    cost of delay {formatMoney(lens.costOfDelay)} per slot ÷ effort{' '}
                    {formatPoints(lens.effort)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="small muted">
            {[
              lens.kano && `Kano: ${lens.kano}`,
              lens.moscow && `MoSCoW: ${lens.moscow}`,
              `value vs effort: ${lens.quadrant}`,
            ]
              .filter(Boolean)
              .join(' · ')}
            . The lenses are views of the item’s inputs; only the simulation decides the score.
          </p>
        </section>
      )}

      <NoteField key={item.id} scenario={scenario} itemId={item.id} />
    </Dialog>
  );
}
