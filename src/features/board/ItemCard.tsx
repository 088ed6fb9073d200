/**
 * A backlog item as a card: type (colour, icon and label), title, effort, dates, prerequisites,
 * stakeholder asks and key effects; the plan's warnings about it turn the chip they concern red
 * (or, for "does not finish", its timing line). The grip is a real button that starts a
 * keyboard drag; the whole card can be dragged with a mouse or by touch (after a short press).
 * "Move to…" does the same as a drag, without dragging.
 */
import {
  memo,
  useCallback,
  useMemo,
  type CSSProperties,
  type ReactNode,
  type SyntheticEvent,
} from 'react';

import { GripIcon, LockIcon, WarningIcon } from '../../components/icons';
import { MenuButton, type MenuItem } from '../../components/MenuButton';
import {
  ITEM_TYPE_LABELS,
  effectBadges,
  formatPoints,
  itemFacts,
  type ItemFacts,
  sliceText,
  slotLabel,
} from '../../explain/advice';
import { cardTiming } from '../../explain/board';
import { shortName } from '../../explain/format';
import { uncertaintyBadges } from '../../explain/uncertainty';
import type { RevealedItem } from './workshopMode';
import type { Item, Scenario } from '../../engine';
import { useCardDrag, useIsDragged } from './cardDrag';
import { TypeIcon } from './TypeIcon';

/** Effect badges shown on a card; the rest are in the item details. */
const EFFECTS_SHOWN = 3;

/** What a chip at risk adds for screen readers (its colour and warning sign show it). */
const RISK_WORDS = {
  deadline: 'at risk',
  notBefore: 'placed too early: it waits',
  ask: 'at risk',
  later: 'planned after it',
  missing: 'not planned',
  renegotiation: 'too late to change the terms',
  slice: 'planned after its feature: it brings nothing',
} as const;

/** A chip's attributes and the words it adds when `risk` says the plan puts it at risk. */
function riskOf(words: string | null): { className: string; hidden: ReactNode } {
  return words === null
    ? { className: '', hidden: null }
    : {
        className: ' is-at-risk',
        hidden: <span className="visually-hidden"> ({words})</span>,
      };
}

/** Where a "Move to…" choice sends a card. */
export type MoveTarget =
  | { kind: 'slot'; slot: number }
  | { kind: 'backlog' }
  | { kind: 'up' }
  | { kind: 'down' }
  /** A sliced feature: plan its MVP slice just before it (the feature is then the rest). */
  | { kind: 'split' }
  /** A sliced feature or its MVP: take the MVP back out of the plan (the feature is whole again). */
  | { kind: 'merge' };

export interface ItemCardProps {
  scenario: Scenario;
  item: Item;
  /** Slot index, or null in the backlog. Primitive props keep the memoized card cheap. */
  slot: number | null;
  /** Why the card cannot move (round-by-round play), shown on it; null when it can. */
  locked?: string | null;
  /** Slots before this one have been played: "Move to…" offers them disabled. */
  lockedSlots?: number;
  isFirst: boolean;
  isLast: boolean;
  /** A feature whose MVP slice is planned before it: the card is the rest (effort and value). */
  split?: boolean;
  /** Warning kinds for this item, joined with "," (a string keeps the card memoizable). */
  warnings: string;
  /**
   * Which of its chips the plan puts at risk (`cardRisksKey`: "deadline ask:cto …"); a string
   * keeps the card memoizable. Every warning about one item is told by one of its chips or by its
   * timing line, so the card keeps its height when the grade changes.
   */
  risks?: string;
  /**
   * Expected start and finish (slot index + fraction, from the simulated outcome) of a planned
   * item; null when not reached. Ignored in the backlog.
   */
  startedAt?: number | null;
  completedAt?: number | null;
  /** A line shown on the card, e.g. "Added by an event in Q3: worked on first". */
  note?: string | null;
  /** What round-by-round play revealed of its hidden facts, e.g. "Revealed: $4.2M ARR". */
  revealed?: readonly RevealedItem[] | null;
  /** The backlog's sort score, e.g. "RICE 40". */
  lensScore: string | null;
  onOpen: (itemId: string) => void;
  onMove: (itemId: string, target: MoveTarget) => void;
}

interface CardBodyProps {
  scenario: Scenario;
  item: Item;
  split: boolean;
  risks: string;
  note: string | null;
  revealed: readonly RevealedItem[] | null;
  lensScore: string | null;
}

/**
 * When a planned card is expected to run: a thin bar spanning its slot (the filled part is the
 * run; it reaches the right edge, with an arrow, when the work runs over into later slots) and the
 * same in words; screen readers hear a sentence.
 */
const CardTimeline = memo(function CardTimeline({
  labels,
  slot,
  startedAt,
  completedAt,
}: {
  labels: readonly string[];
  slot: number;
  startedAt: number | null;
  completedAt: number | null;
}) {
  const timing = cardTiming(labels, slot, startedAt, completedAt);
  const run: CSSProperties = {
    left: `${(timing.from * 100).toFixed(1)}%`,
    width: `${(Math.max(0, timing.to - timing.from) * 100).toFixed(1)}%`,
  };
  return (
    <div
      className={`card-timing${timing.runsOver ? ' runs-over' : ''}${timing.unfinished ? ' is-unfinished' : ''}${timing.startsLater ? ' starts-later' : ''}`}
      data-testid="card-timing"
    >
      <span className="timeline" aria-hidden="true">
        {!timing.startsLater && <span className="timeline-run" style={run} />}
      </span>
      <span className="timing-text" aria-hidden="true">
        {timing.unfinished && <WarningIcon />}
        {timing.short}
      </span>
      <span className="visually-hidden">{timing.sentence}</span>
    </div>
  );
});

/**
 * The card's content, shared by the card and its drag overlay. Memoized: a grading that only
 * moves a card's dates redraws its timing line, not its chips.
 */
const CardBody = memo(function CardBody({
  scenario,
  item,
  split,
  risks,
  note,
  revealed,
  lensScore,
}: CardBodyProps) {
  const facts = useMemo(() => itemFacts(scenario, item), [scenario, item]);
  const unknowns = useMemo(() => uncertaintyBadges(scenario, item), [scenario, item]);
  const effects = useMemo(() => effectBadges(scenario, item), [scenario, item]);
  // The effects past the first few: counted on the card, named for screen readers and on hover.
  const rest = effects.slice(EFFECTS_SHOWN);
  const flagged = new Set(risks === '' ? [] : risks.split(' '));
  const dateRisk = (key: string) =>
    key === 'deadline' && flagged.has('deadline')
      ? RISK_WORDS.deadline
      : key === 'not-before' && flagged.has('not-before')
        ? RISK_WORDS.notBefore
        : null;
  const renegotiationRisk = riskOf(flagged.has('renegotiation') ? RISK_WORDS.renegotiation : null);
  const sliceRisk = riskOf(flagged.has('slice') ? RISK_WORDS.slice : null);
  const slice = facts.slice;
  const range = item.estimate
    ? `${formatPoints(item.estimate[0])}–${formatPoints(item.estimate[1])}`
    : null;
  return (
    <>
      <ul className="card-badges">
        {unknowns.map((b) => {
          const shown = revealed?.find((r) => r.badge === b.key);
          return shown ? (
            <li key={b.key} className="chip chip-revealed" data-testid="revealed">
              {shown.label}
            </li>
          ) : (
            <li key={b.key} className={`chip chip-${b.key}`} title={b.detail}>
              {b.label}
            </li>
          );
        })}
        {facts.dates.map((d) => {
          const risk = riskOf(dateRisk(d.key));
          return (
            <li key={d.key} className={`chip chip-date${risk.className}`} title={d.detail}>
              {d.label}
              {risk.hidden}
            </li>
          );
        })}
        {facts.dependsOn.map((d) => {
          const risk = riskOf(
            flagged.has(`needs-missing:${d.id}`)
              ? RISK_WORDS.missing
              : flagged.has(`needs-later:${d.id}`)
                ? RISK_WORDS.later
                : null,
          );
          return (
            <li
              key={d.id}
              className={`chip chip-dependency${risk.className}`}
              title={`Needs ${d.title} first`}
            >
              needs {d.title}
              {risk.hidden}
            </li>
          );
        })}
        {facts.asks.map((a) => {
          const risk = riskOf(flagged.has(`ask:${a.stakeholder}`) ? RISK_WORDS.ask : null);
          return (
            <li
              key={a.stakeholder}
              className={`chip chip-ask${risk.className}`}
              title={`${a.name} (${a.role}) wants it by the end of ${slotLabel(scenario, a.bySlot)}`}
            >
              {shortName(a.name)} wants it by {slotLabel(scenario, a.bySlot)}
              {risk.hidden}
            </li>
          );
        })}
        {facts.standsIn.map((a) => {
          const risk = riskOf(flagged.has(`ask:${a.stakeholder}`) ? RISK_WORDS.ask : null);
          return (
            <li
              key={`instead:${a.stakeholder}`}
              className={`chip chip-ask${risk.className}`}
              title={`${a.name} (${a.role}) accepts it instead of ${a.instead} by the end of ${slotLabel(scenario, a.bySlot)}, if you renegotiate in time`}
            >
              {shortName(a.name)} takes it instead
              <span className="visually-hidden">
                {' '}
                of {a.instead}, by {slotLabel(scenario, a.bySlot)}
              </span>
              {risk.hidden}
            </li>
          );
        })}
        {facts.renegotiates && (
          <li
            className={`chip chip-renegotiation${renegotiationRisk.className}`}
            title={`Renegotiates ${facts.renegotiates.name}’s ask for ${facts.renegotiates.item} (by ${slotLabel(scenario, facts.renegotiates.bySlot)}): ${facts.renegotiates.terms}`}
          >
            renegotiates {shortName(facts.renegotiates.name)}’s ask
            <span className="visually-hidden">
              {' '}
              for {facts.renegotiates.item}: {facts.renegotiates.terms}
            </span>
            {renegotiationRisk.hidden}
          </li>
        )}
        {slice && (
          <li
            className={`chip chip-slice${sliceRisk.className}`}
            title={sliceText(slice, item.title, split)}
          >
            {slice.role === 'mvp'
              ? `MVP of ${slice.other.title}`
              : split
                ? `the rest, after ${slice.other.title}`
                : `can be split: ${slice.other.title}`}
            <span className="visually-hidden">: {sliceText(slice, item.title, split)}</span>
            {sliceRisk.hidden}
          </li>
        )}
        {effects.slice(0, EFFECTS_SHOWN).map((e) => (
          <li key={e.key} className={`chip chip-effect chip-${e.tone}`} title={e.detail}>
            {e.label}
          </li>
        ))}
        {rest.length > 0 && (
          <li className="chip chip-more" title={rest.map((e) => e.detail).join('\n')}>
            +{rest.length} more
            <span className="visually-hidden">: {rest.map((e) => e.label).join(', ')}</span>
          </li>
        )}
      </ul>
      {(note || lensScore || range) && (
        <p className="card-meta">
          {note && <span className="card-forecast">{note}</span>}
          {lensScore && <span className="card-lens">{lensScore}</span>}
          {range && <span className="card-range">estimate {range} pts</span>}
        </p>
      )}
    </>
  );
});

const CardHead = memo(function CardHead({ item }: { item: Item }) {
  return (
    <span className="card-type" title={ITEM_TYPE_LABELS[item.type]}>
      <TypeIcon type={item.type} />
      <span className="card-type-label">{ITEM_TYPE_LABELS[item.type]}</span>
    </span>
  );
});

/**
 * The card's "Move to…" menu. Memoized on what it lists: a grading that only moves the card's
 * dates does not rebuild it.
 */
const CardMenu = memo(function CardMenu({
  item,
  labels,
  slice,
  slot,
  lockedSlots,
  isFirst,
  isLast,
  split,
  onMove,
}: {
  item: Item;
  labels: readonly string[];
  /** The item's slice (its MVP or its feature), as the card worked it out. */
  slice: ItemFacts['slice'];
  slot: number | null;
  lockedSlots: number;
  isFirst: boolean;
  isLast: boolean;
  split: boolean;
  onMove: ItemCardProps['onMove'];
}) {
  const sliceItems: MenuItem[] =
    slice === null || slot === null
      ? []
      : slice.role === 'mvp'
        ? [
            {
              id: 'merge',
              label: `Merge back into ${slice.other.title}`,
              onSelect: () => onMove(item.id, { kind: 'merge' }),
            },
          ]
        : [
            split
              ? {
                  id: 'merge',
                  label: `Merge: take ${slice.other.title} out`,
                  onSelect: () => onMove(item.id, { kind: 'merge' }),
                }
              : {
                  id: 'split',
                  label: `Split: plan ${slice.other.title} first`,
                  onSelect: () => onMove(item.id, { kind: 'split' }),
                },
          ];
  const menuItems: MenuItem[] = [
    ...sliceItems,
    ...(slot !== null
      ? [
          {
            id: 'up',
            label: 'Move up',
            disabled: isFirst,
            onSelect: () => onMove(item.id, { kind: 'up' }),
          },
          {
            id: 'down',
            label: 'Move down',
            disabled: isLast,
            onSelect: () => onMove(item.id, { kind: 'down' }),
          },
        ]
      : []),
    {
      id: 'backlog',
      label: slot === null ? 'Backlog (here)' : 'Backlog',
      disabled: slot === null,
      current: slot === null,
      onSelect: () => onMove(item.id, { kind: 'backlog' }),
    },
    ...labels.map((label, s) => ({
      id: `slot-${s}`,
      label: slot === s ? `${label} (here)` : s < lockedSlots ? `${label} — played, locked` : label,
      disabled: slot === s || s < lockedSlots,
      current: slot === s,
      onSelect: () => onMove(item.id, { kind: 'slot', slot: s }),
    })),
  ];
  return (
    <MenuButton
      className="button button-small move-button"
      items={menuItems}
      menuLabel={`Move ${item.title} to`}
      buttonProps={{ 'data-move-button': item.id }}
    >
      Move to… <span className="visually-hidden">({item.title})</span>
    </MenuButton>
  );
});

interface CardContentProps extends ItemCardProps {
  /** True while this card is being dragged (its grip says so to screen readers). */
  dragging: boolean;
  /** The id of the drag instructions, read with the grip. */
  describedBy: string | undefined;
  /** Starts a keyboard drag from the grip. */
  gripKeyDown: (event: SyntheticEvent) => void;
}

/** The card's content, memoized apart from its shell (which hands presses to the drag). */
const CardContent = memo(function CardContent({
  scenario,
  item,
  slot,
  locked = null,
  lockedSlots = 0,
  isFirst,
  isLast,
  split = false,
  risks = '',
  startedAt = null,
  completedAt = null,
  note = null,
  revealed = null,
  lensScore,
  onOpen,
  onMove,
  dragging,
  describedBy,
  gripKeyDown,
}: CardContentProps) {
  const labels = scenario.time.labels;
  const slice = useMemo(() => itemFacts(scenario, item).slice, [scenario, item]);
  // A split feature's card shows the rest's effort; a size play revealed shows what it is.
  const revealedEffort = revealed?.find((r) => r.effort !== undefined)?.effort;
  const effort =
    revealedEffort ?? (split && slice?.role === 'feature' ? slice.restEffort : item.effort);
  return (
    <>
      <div className="card-top">
        {locked !== null ? (
          <span className="drag-handle is-locked" aria-hidden="true">
            <LockIcon />
          </span>
        ) : (
          <button
            type="button"
            className="drag-handle"
            aria-label={`Drag ${item.title}`}
            aria-roledescription="draggable"
            aria-describedby={describedBy}
            aria-pressed={dragging ? true : undefined}
            onKeyDown={gripKeyDown}
          >
            <GripIcon />
          </button>
        )}
        <CardHead item={item} />
        <span
          className="card-effort"
          title={
            revealedEffort !== undefined
              ? `Effort: ${formatPoints(effort)} points, as revealed (estimated ${formatPoints(item.effort)})`
              : effort === item.effort
                ? `Effort: ${formatPoints(item.effort)} points`
                : `Effort: ${formatPoints(effort)} of its ${formatPoints(item.effort)} points (the rest, after its MVP)`
          }
        >
          {formatPoints(effort)}
          <span className="unit"> pts</span>
        </span>
      </div>
      <h3 className="card-title-line">
        <button
          type="button"
          className="card-open"
          aria-haspopup="dialog"
          onClick={() => onOpen(item.id)}
        >
          {item.title}
        </button>
      </h3>
      <CardBody
        scenario={scenario}
        item={item}
        split={split}
        risks={risks}
        note={note}
        revealed={revealed}
        lensScore={lensScore}
      />
      {slot !== null && (
        <CardTimeline labels={labels} slot={slot} startedAt={startedAt} completedAt={completedAt} />
      )}
      <div className="card-actions">
        {locked !== null ? (
          <p className="card-locked" data-testid="card-locked">
            <LockIcon />
            {locked}
          </p>
        ) : (
          <CardMenu
            item={item}
            labels={labels}
            slice={slice}
            slot={slot}
            lockedSlots={lockedSlots}
            isFirst={isFirst}
            isLast={isLast}
            split={split}
            onMove={onMove}
          />
        )}
      </div>
    </>
  );
});

export const ItemCard = memo(function ItemCard(props: ItemCardProps) {
  const { item, locked = null, warnings } = props;
  const drag = useCardDrag();
  const dragging = useIsDragged(item.id);
  const movable = locked === null;
  const itemId = item.id;
  // A press anywhere on the card (mouse, or touch after a short hold) or a key on its grip is
  // handed to the board's one draggable, which then stands for this card.
  const onMouseDown = useCallback(
    (event: SyntheticEvent) => drag.begin('onMouseDown', event, itemId),
    [drag, itemId],
  );
  const onTouchStart = useCallback(
    (event: SyntheticEvent) => drag.begin('onTouchStart', event, itemId),
    [drag, itemId],
  );
  const gripKeyDown = useCallback(
    (event: SyntheticEvent) => drag.begin('onKeyDown', event, itemId),
    [drag, itemId],
  );
  return (
    <li
      className={`item-card type-${item.type}${dragging ? ' is-dragging' : ''}${warnings ? ' has-warning' : ''}${locked !== null ? ' is-locked' : ''}`}
      data-item-id={item.id}
      {...(movable ? { onMouseDown, onTouchStart } : {})}
    >
      <CardContent
        {...props}
        dragging={dragging}
        describedBy={drag.describedBy}
        gripKeyDown={gripKeyDown}
      />
    </li>
  );
});

/** What follows the pointer (or the keyboard) while dragging, naming where it would land. */
export function DragPreview({
  scenario,
  item,
  target,
}: {
  scenario: Scenario;
  item: Item;
  /** "Q2, position 2 of 3" while over a place, else null. */
  target: string | null;
}) {
  return (
    <div className={`item-card type-${item.type} drag-preview`}>
      {target && (
        <p className="drag-target" aria-hidden="true">
          → {target}
        </p>
      )}
      <div className="card-top">
        <span className="drag-handle" aria-hidden="true">
          <GripIcon />
        </span>
        <CardHead item={item} />
        <span className="card-effort">
          {formatPoints(item.effort)}
          <span className="unit"> pts</span>
        </span>
      </div>
      <p className="card-title-line">
        <span className="card-open">{item.title}</span>
      </p>
      <CardBody
        scenario={scenario}
        item={item}
        split={false}
        risks=""
        note={null}
        revealed={null}
        lensScore={null}
      />
    </div>
  );
}
