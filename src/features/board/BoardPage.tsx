/**
 * The planning board: the backlog and one column per slot, dragged with mouse, touch or
 * keyboard (one DndContext; all dnd-kit code lives in this folder). Dragging only previews
 * locally; the store changes once, on drop, through the same action the "Move to…" menu uses.
 * The live projection, warnings and capacity forecasts are derived from the expected outcome.
 */
import { entryOf } from '../../engine/ids';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Active,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type Over,
} from '@dnd-kit/core';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Link } from 'wouter';

import { ArrowLeftIcon } from '../../components/icons';
import { LiveRegion, type Announcement } from '../../components/LiveRegion';
import { Notice } from '../../components/Notice';
import {
  columnForecasts,
  describePlacement,
  formatPoints,
  lensRows,
  planWarnings,
  sortBacklog,
  typeShares,
  type PlanWarning,
} from '../../explain/advice';
import { formatSlotTime } from '../../explain/format';
import {
  ITEM_TYPES,
  backlogIds,
  findItem,
  plannedIds,
  type ItemType,
  type Outcome,
  type Plan,
  type Scenario,
} from '../../engine';
import {
  expectedOutcome,
  historyKey,
  useActiveVariant,
  useAppStore,
  useAppStoreApi,
  planOf,
} from '../../store';
import { createAnnouncements, screenReaderInstructions } from './announcements';
import { Backlog } from './Backlog';
import { Column } from './Column';
import {
  BACKLOG,
  boardCollisions,
  containersOf,
  createKeyboardCoordinates,
  moveAcross,
  projectDrop,
  slotContainer,
  slotOfContainer,
  type Containers,
} from './dnd';
import { ItemDetails } from './ItemDetails';
import { DragPreview, ItemCard, type MoveTarget } from './ItemCard';
import { Projection } from './Projection';
import { Toolbar } from './Toolbar';
import { lockRefusal, type AddedItem, type BoardWorkshop } from './workshopMode';
import './board.css';

export interface BoardPageProps {
  scenario: Scenario;
  briefingHref: string;
  libraryHref: string;
  /** Actions the app adds at the end of the toolbar (e.g. "Play this plan"). */
  toolbarActions?: ReactNode;
  /** Workshop play (grading, played slots locked, hidden scores, the round's panel). */
  workshop?: BoardWorkshop;
}

/** User Timing marks around a drop, read by `npm run measure:board`. */
export const DROP_MARK = 'dojo:drop';
export const RENDERED_MARK = 'dojo:drop-rendered';
export const DROP_MEASURE = 'dojo:drop-to-render';

/** Measure droppables while dragging only (not on every render of the page). */
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

const NO_WARNINGS: readonly PlanWarning[] = [];
const NO_ADDED: readonly AddedItem[] = [];

const LENS_LABELS = { rice: 'RICE', ice: 'ICE', wsjf: 'WSJF', cd3: 'CD3' } as const;

/** True when the dragged card's middle is below the middle of the card it is over. */
function isBelow(active: Active, over: Over): boolean {
  const rect = active.rect.current.translated;
  return rect !== null && rect.top + rect.height / 2 > over.rect.top + over.rect.height / 2;
}

function useLatest<T>(value: T) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

export function BoardPage({
  scenario,
  briefingHref,
  libraryHref,
  toolbarActions,
  workshop,
}: BoardPageProps) {
  const store = useAppStoreApi();
  const variant = useActiveVariant(scenario);
  const plan = variant.plan;
  // In a workshop the plan is graded under its weights (given the slots already played).
  const workshopEvaluate = workshop?.evaluate;
  const evaluate = useCallback(
    (current: Scenario, next: Plan): Outcome =>
      workshopEvaluate ? workshopEvaluate(next) : expectedOutcome(current, next),
    [workshopEvaluate],
  );
  const outcome = useMemo(() => evaluate(scenario, plan), [evaluate, scenario, plan]);
  const hideScores = workshop?.hideScores ?? false;
  const lockedSlots = workshop?.lockedSlots ?? 0;
  const addedItems = workshop?.addedItems ?? NO_ADDED;
  const columns = useMemo(
    () => columnForecasts(scenario, plan, outcome),
    [scenario, plan, outcome],
  );
  const warnings = useMemo(() => planWarnings(scenario, plan, outcome), [scenario, plan, outcome]);
  const warningsBySlot = useMemo(
    () => scenario.time.labels.map((_, slot) => warnings.filter((w) => w.slot === slot)),
    [scenario, warnings],
  );
  const shares = useMemo(() => typeShares(scenario, plan, outcome), [scenario, plan, outcome]);

  const sort = useAppStore((s) => s.preferences.backlogSort);
  const selectedTypes = useAppStore((s) => s.preferences.backlogTypes);
  const setPreferences = useAppStore((s) => s.setPreferences);
  const history = useAppStore((s) => s.history[historyKey(scenario.id, variant.id)]);
  const storePar = useAppStore((s) => entryOf(s.par, scenario.id));
  const par = workshop ? workshop.par : storePar;
  const inWorkshop = workshop !== undefined;
  const requestPar = useAppStore((s) => s.requestPar);
  const offerPlan = useAppStore((s) => s.offerPlan);
  const moveItem = useAppStore((s) => s.moveItem);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const resetPlan = useAppStore((s) => s.resetPlan);

  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announce = useCallback(
    (text: string) => setAnnouncement((previous) => ({ text, id: (previous?.id ?? 0) + 1 })),
    [],
  );
  const [detailsId, setDetailsId] = useState<string | null>(null);
  // A move the round-by-round lock refused, said on screen as well as to screen readers.
  const [refused, setRefused] = useState<string | null>(null);
  const refuse = useCallback(
    (itemId: string, to: number | null) => {
      const reason = lockRefusal(
        scenario,
        planOf(store.getState(), scenario),
        lockedSlots,
        addedItems,
        itemId,
        to,
      );
      if (reason) {
        setRefused(reason);
        announce(reason);
      }
      return reason !== null;
    },
    [scenario, store, lockedSlots, addedItems, announce],
  );
  const scoreSentence = useCallback(
    (result: Outcome) => (hideScores ? '' : ` Projected score ${result.score.toFixed(1)}.`),
    [hideScores],
  );

  // Par: baked when valid, else searched in a worker; a plan that beats it becomes par.
  useEffect(() => requestPar(scenario), [scenario, requestPar]);
  useEffect(() => {
    // A workshop grades under its own weights: its scores are not the scenario's par.
    if (!inWorkshop && par?.status === 'ready' && outcome.score > par.score)
      offerPlan(scenario.id, plan, outcome.score);
  }, [inWorkshop, par, outcome, plan, scenario, offerPlan]);

  // The backlog: unplanned items, filtered by type and sorted.
  const itemsById = useMemo(() => new Map(scenario.items.map((i) => [i.id, i])), [scenario]);
  const visibleTypes = useMemo(
    () => ITEM_TYPES.filter((t) => scenario.items.some((i) => !i.injected && i.type === t)),
    [scenario],
  );
  const allBacklog = useMemo(() => backlogIds(scenario, plan), [scenario, plan]);
  const backlog = useMemo(() => {
    const shown = allBacklog.filter((id) => {
      const type = itemsById.get(id)?.type;
      return selectedTypes.length === 0 || (type !== undefined && selectedTypes.includes(type));
    });
    return sortBacklog(scenario, shown, sort);
  }, [allBacklog, itemsById, selectedTypes, scenario, sort]);
  const lensScores = useMemo(() => {
    if (sort !== 'rice' && sort !== 'ice' && sort !== 'wsjf' && sort !== 'cd3') return null;
    return new Map(
      lensRows(scenario).map((row) => [row.id, `${LENS_LABELS[sort]} ${formatPoints(row[sort])}`]),
    );
  }, [scenario, sort]);

  const toggleType = (type: ItemType) => {
    const current = selectedTypes.length === 0 ? visibleTypes : selectedTypes;
    const next = current.includes(type) ? current.filter((t) => t !== type) : [...current, type];
    setPreferences({
      backlogTypes: next.length === 0 || next.length === visibleTypes.length ? [] : next,
    });
  };

  // Per-card data, as strings so memoized cards re-render only when they change.
  const warningKinds = useMemo(() => {
    const byItem = new Map<string, string[]>();
    for (const w of warnings)
      if (w.itemId) byItem.set(w.itemId, [...(byItem.get(w.itemId) ?? []), w.kind]);
    return new Map([...byItem].map(([id, kinds]) => [id, [...new Set(kinds)].join(',')]));
  }, [warnings]);
  const forecasts = useMemo(() => {
    const map = new Map<string, string>();
    for (const item of outcome.items) {
      if (item.plannedSlot === null) continue;
      map.set(
        item.id,
        item.completedAt === null
          ? 'not done in the plan'
          : `done ${formatSlotTime(scenario.time.labels, item.completedAt)}`,
      );
    }
    return map;
  }, [outcome, scenario]);

  // Items an event added: listed after the backlog, locked, with what happened to them.
  const addedNotes = useMemo(() => new Map(addedItems.map((a) => [a.id, a.note])), [addedItems]);
  const backlogWithAdded = useMemo(
    () => (addedItems.length === 0 ? backlog : [...backlog, ...addedItems.map((a) => a.id)]),
    [backlog, addedItems],
  );

  // ---- Drag and drop -------------------------------------------------------------------------
  const containers = useMemo(() => containersOf(plan, backlogWithAdded), [plan, backlogWithAdded]);
  const [preview, setPreview] = useState<Containers | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const previewRef = useRef<Containers | null>(null);
  const keyboardTarget = useRef<string | null>(null);
  const containersRef = useLatest(containers);
  const scenarioRef = useLatest(scenario);
  const evaluateRef = useLatest(evaluate);
  const hideScoresRef = useLatest(hideScores);
  // Keyboard drags skip the played (locked) slots.
  const order = useMemo(
    () => [
      BACKLOG,
      ...scenario.time.labels.flatMap((_, s) => (s < lockedSlots ? [] : [slotContainer(s)])),
    ],
    [scenario, lockedSlots],
  );
  const orderRef = useLatest(order);
  const pendingDrop = useRef(false);
  const focusAfterMove = useRef<string | null>(null);

  // dnd-kit calls these getters at event time (key presses, collisions, announcements), never
  // while rendering; they read refs so they always see the latest drag state.
  const coordinateGetter = useMemo(
    () =>
      // eslint-disable-next-line react-hooks/refs -- read at event time, see above
      createKeyboardCoordinates({
        containers: () => previewRef.current,
        order: () => orderRef.current,
        setTarget: (id) => {
          keyboardTarget.current = id;
        },
      }),
    [orderRef],
  );
  const collisionDetection = useMemo(
    // eslint-disable-next-line react-hooks/refs -- read at event time, see above
    () => boardCollisions(() => keyboardTarget.current),
    [],
  );
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter, scrollBehavior: 'auto' }),
  );
  const announcements = useMemo(
    () =>
      // eslint-disable-next-line react-hooks/refs -- read at event time, see above
      createAnnouncements({
        scenario: () => scenarioRef.current,
        plan: () => planOf(store.getState(), scenarioRef.current),
        preview: () => previewRef.current,
        outcome: (next) => evaluateRef.current(scenarioRef.current, next),
        hideScore: () => hideScoresRef.current,
      }),
    [scenarioRef, store, evaluateRef, hideScoresRef],
  );

  const finishDrag = () => {
    previewRef.current = null;
    keyboardTarget.current = null;
    setPreview(null);
    setActiveId(null);
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    previewRef.current = containersRef.current;
    keyboardTarget.current = null;
    setPreview(containersRef.current);
    setActiveId(String(active.id));
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const current = previewRef.current;
    if (!over || !current) return;
    const keyboard = keyboardTarget.current !== null;
    const next = moveAcross(
      current,
      String(active.id),
      over.id,
      !keyboard && isBelow(active, over),
    );
    if (next === current) return;
    previewRef.current = next;
    setPreview(next);
    // The card now sits in its new column: a keyboard drag rests on the card itself.
    if (keyboard) keyboardTarget.current = String(active.id);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const current = previewRef.current;
    const id = String(active.id);
    finishDrag();
    if (!over || !current) return;
    const drop = projectDrop(current, id, over.id);
    if (!drop) return;
    const slot = slotOfContainer(drop.container);
    if (refuse(id, slot)) return;
    performance.mark(DROP_MARK);
    pendingDrop.current = true;
    if (slot === null) moveItem(scenario, id, null);
    else moveItem(scenario, id, slot, drop.index);
  };

  /** "Move to…" and reorders from the menu: the same store action as a drop. */
  const onMove = useCallback(
    (itemId: string, target: MoveTarget) => {
      const current = scenarioRef.current;
      const at = findItem(planOf(store.getState(), current), itemId);
      const [slot, index] =
        target.kind === 'slot'
          ? [target.slot, undefined]
          : target.kind === 'backlog'
            ? [null, undefined]
            : at === null
              ? [null, undefined]
              : [at.slot, at.index + (target.kind === 'up' ? -1 : 1)];
      if (refuse(itemId, slot)) return;
      performance.mark(DROP_MARK);
      pendingDrop.current = true;
      moveItem(current, itemId, slot, index);
      const next = planOf(store.getState(), current);
      const result = evaluate(current, next);
      announce(`${describePlacement(current, next, result, itemId)}.${scoreSentence(result)}`);
      focusAfterMove.current = itemId;
    },
    [moveItem, store, announce, scenarioRef, refuse, evaluate, scoreSentence],
  );

  const onOpen = useCallback((itemId: string) => setDetailsId(itemId), []);

  // Time from a drop to the updated board being committed (see scripts/measure-board.ts).
  useLayoutEffect(() => {
    if (!pendingDrop.current) return;
    pendingDrop.current = false;
    try {
      performance.mark(RENDERED_MARK);
      performance.measure(DROP_MEASURE, DROP_MARK, RENDERED_MARK);
    } catch {
      // User Timing is a measuring aid only; never let it break a drop.
    }
  }, [plan]);

  // After a move from the menu, keep focus on the moved card's menu button.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (id === null) return;
    focusAfterMove.current = null;
    // Item ids are letters, digits, "-", "_" and "." only: safe inside a quoted selector.
    document.querySelector<HTMLElement>(`[data-move-button="${id}"]`)?.focus();
  }, [plan]);

  // ---- Undo, redo, reset ---------------------------------------------------------------------
  const plannedCount = plannedIds(plan).length;
  const summary = useCallback(() => {
    const current = scenarioRef.current;
    const next = planOf(store.getState(), current);
    const result = evaluate(current, next);
    return `${plannedIds(next).length} items planned.${scoreSentence(result)}`;
  }, [store, scenarioRef, evaluate, scoreSentence]);
  const doUndo = useCallback(() => {
    undo(scenarioRef.current);
    announce(`Undone. ${summary()}`);
  }, [undo, announce, summary, scenarioRef]);
  const doRedo = useCallback(() => {
    redo(scenarioRef.current);
    announce(`Redone. ${summary()}`);
  }, [redo, announce, summary, scenarioRef]);
  const doReset = () => {
    resetPlan(scenario);
    announce(
      lockedSlots > 0
        ? `${variant.name} reset: the played slots stay as played, every other item is back in the backlog. Undo brings the plan back.`
        : `${variant.name} reset: every item is back in the backlog. Undo brings the plan back.`,
    );
  };

  const busyRef = useLatest(activeId !== null || detailsId !== null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]'))
        return;
      if (busyRef.current || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      if (key === 'y' || event.shiftKey) doRedo();
      else doUndo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [doUndo, doRedo, busyRef]);

  // ---- Render --------------------------------------------------------------------------------
  const shown = preview ?? containers;
  const scale = Math.max(1, ...columns.map((c) => Math.max(c.nominal, c.queued)));
  const card = (container: string, ids: readonly string[], id: string, index: number) => {
    const item = itemsById.get(id);
    if (!item) return null;
    const slot = slotOfContainer(container);
    const addedNote = addedNotes.get(id) ?? null;
    return (
      <ItemCard
        key={id}
        scenario={scenario}
        item={item}
        slot={slot}
        locked={
          addedNote !== null
            ? 'Added by an event · locked'
            : slot !== null && slot < lockedSlots
              ? 'Played · locked'
              : null
        }
        lockedSlots={lockedSlots}
        isFirst={index === 0}
        isLast={index === ids.length - 1}
        warnings={warningKinds.get(id) ?? ''}
        forecast={container === BACKLOG ? addedNote : (forecasts.get(id) ?? null)}
        lensScore={container === BACKLOG ? (lensScores?.get(id) ?? null) : null}
        onOpen={onOpen}
        onMove={onMove}
      />
    );
  };
  const backlogShown = shown[BACKLOG] ?? [];
  const backlogPoints = allBacklog.reduce((sum, id) => sum + (itemsById.get(id)?.effort ?? 0), 0);
  const activeItem = activeId ? itemsById.get(activeId) : undefined;
  const detailsItem = detailsId ? itemsById.get(detailsId) : undefined;

  return (
    <div className="board-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href={libraryHref}>
          <ArrowLeftIcon />
          Scenario library
        </Link>
        <span aria-hidden="true">/</span>
        <Link href={briefingHref}>Briefing</Link>
      </nav>
      <header className="board-header">
        <h1 tabIndex={-1}>
          <span className="eyebrow-inline">Plan ·</span> {scenario.title}
        </h1>
        <p className="muted small">
          {variant.name} · {plannedCount} of {scenario.items.filter((i) => !i.injected).length}{' '}
          items planned · drag cards, or use each card’s “Move to…” menu
        </p>
      </header>
      <Toolbar
        scenario={scenario}
        canUndo={(history?.past.length ?? 0) > 0}
        canRedo={(history?.future.length ?? 0) > 0}
        onUndo={doUndo}
        onRedo={doRedo}
        onReset={doReset}
        plannedCount={plannedCount}
        actions={toolbarActions}
        announce={announce}
      />
      {workshop?.panel}
      <Projection
        outcome={outcome}
        par={par}
        overall={shares.overall}
        warningCount={warnings.length}
        hidden={hideScores}
        {...(workshop ? { caption: workshop.caption } : {})}
      />
      {refused && (
        <Notice
          tone="warning"
          role="none"
          className="board-refusal"
          onDismiss={() => setRefused(null)}
          dismissLabel="Dismiss this message"
        >
          <p>{refused}</p>
        </Notice>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        measuring={MEASURING}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={finishDrag}
      >
        <div className="board" data-dragging={activeId !== null || undefined}>
          <Backlog
            itemIds={backlogShown}
            hiddenCount={allBacklog.length - backlog.length}
            points={backlogPoints}
            types={visibleTypes}
            selectedTypes={selectedTypes}
            onToggleType={toggleType}
            sort={sort}
            onSort={(next) => setPreferences({ backlogSort: next })}
          >
            {backlogShown.map((id, i) => card(BACKLOG, backlogShown, id, i))}
          </Backlog>
          {columns.map((column) => {
            const container = slotContainer(column.slot);
            const ids = shown[container] ?? [];
            return (
              <Column
                key={container}
                containerId={container}
                locked={column.slot < lockedSlots}
                column={column}
                scale={scale}
                shares={shares.perSlot[column.slot] ?? []}
                warnings={warningsBySlot[column.slot] ?? NO_WARNINGS}
                itemIds={ids}
              >
                {ids.map((id, i) => card(container, ids, id, i))}
              </Column>
            );
          })}
        </div>
        <DragOverlay className="drag-overlay">
          {activeItem ? <DragPreview scenario={scenario} item={activeItem} /> : null}
        </DragOverlay>
      </DndContext>
      <LiveRegion announcement={announcement} id="board-announcer" />
      {detailsItem && (
        <ItemDetails
          scenario={scenario}
          item={detailsItem}
          plan={plan}
          outcome={outcome}
          warnings={warnings.filter((w) => w.itemId === detailsItem.id)}
          onClose={() => setDetailsId(null)}
        />
      )}
    </div>
  );
}
