/**
 * The planning board: the backlog and one column per slot, dragged with mouse, touch or
 * keyboard (one DndContext; all dnd-kit code lives in this folder), moved with a card's "Move
 * to…" menu or its number keys. Dragging only previews locally; the store changes once, on drop,
 * through the same action the menu and the keys use. The strip, warnings, capacity forecasts and
 * card timings are all derived from the one expected outcome.
 *
 * Layout: on wide screens the backlog and every slot sit side by side under a compact strip, and
 * the board scrolls as a whole (column headers stay in view); on phones and narrow windows one
 * pane is shown at a time with a sticky switcher of tabs that are drop targets too.
 */
import { entryOf } from '../../engine/ids';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  useDndContext,
  useDndMonitor,
  useSensor,
  useSensors,
  type DragCancelEvent,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { flushSync } from 'react-dom';
import {
  memo,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';

import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Folded } from '../../components/Folded';
import { Notice } from '../../components/Notice';
import { useMediaQuery } from '../../components/useMediaQuery';
import {
  columnForecasts,
  describePlacement,
  formatPoints,
  lensRows,
  planWarnings,
  slotLabel,
  sortBacklog,
  typeShares,
  type PlanWarning,
} from '../../explain/advice';
import {
  capacityUse,
  cardRisks,
  cardRisksKey,
  describePlanChange,
  describeSliceMove,
  placeOf,
  sliceMove,
  splitFeaturesOf,
} from '../../explain/board';
import { gradeAndValue } from '../../explain/value';
import {
  ITEM_TYPES,
  backlogIds,
  findItem,
  plannedIds,
  type ItemType,
  type Outcome,
  type Plan,
  type Item,
  type Scenario,
} from '../../engine';
import {
  expectedOutcome,
  historyKey,
  showsProjectionWhilePlanning,
  useActiveVariant,
  useAppStore,
  useAppStoreApi,
  planOf,
} from '../../store';
import {
  cancelText,
  describeStep,
  dropText,
  pickUpText,
  screenReaderInstructions,
  silentAnnouncements,
  type AnnouncementSources,
} from './announcements';
import { BoardLiveRegion, LastAction, createAnnouncer } from './announcer';
import { CardDragProvider, measureDropTarget } from './cardDrag';
import { Backlog } from './Backlog';
import { Column } from './Column';
import {
  BACKLOG,
  boardCollisions,
  containerOf,
  cardListOf,
  containersOf,
  createKeyboardCoordinates,
  draggedItemId,
  isCurrentPlace,
  placeCard,
  pointerLanding,
  resolveTarget,
  slotContainer,
  slotOfContainer,
  type Containers,
  type Place,
} from './dnd';
import { DropHintContext, createDropHint, useDropContainer } from './dropHint';
import { applyFocus, controlOf, type CardControl, type FocusRequest } from './focus';
import { ItemDetails } from './ItemDetails';
import { DragPreview, ItemCard, type MoveTarget } from './ItemCard';
import { Legend } from './Legend';
import type { ScoreHidden } from './Projection';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SlotSwitcher, paneIdOf, tabIdOf, type SwitcherTab } from './SlotSwitcher';
import { BoardTools, BreakdownPanel, Strip } from './Strip';
import { Variants } from './Variants';
import { lockRefusal, type AddedItem, type BoardWorkshop, type RevealedItem } from './workshopMode';
import './board.css';

export interface BoardPageProps {
  scenario: Scenario;
  briefingHref: string;
  libraryHref: string;
  /** The scenario's variant comparison; the board links to it when given. */
  compareHref?: string;
  /** The app's way to play the year (a link), at the end of the strip. */
  playAction?: ReactNode;
  /** Actions the app adds beside the board's tools (e.g. "Share…", "Import plan…"). */
  toolbarActions?: ReactNode;
  /** Workshop play (grading, played slots locked, hidden scores, the round's panel). */
  workshop?: BoardWorkshop;
}

/** User Timing marks around a drop, read by `npm run measure:board`. */
export const DROP_MARK = 'dojo:drop';
export const RENDERED_MARK = 'dojo:drop-rendered';
export const DROP_MEASURE = 'dojo:drop-to-render';

/** The element the "Skip to the board" link focuses; it hands focus on to the first card. */
export const BOARD_ID = 'board';

/** One pane at a time below this width (phones, narrow windows, 200% zoom on a laptop). */
export const ONE_PANE_QUERY = '(max-width: 47.99rem)';

/**
 * When the drop targets (the columns) are measured: while dragging, not before (each press on a
 * card would have them measured in a render of its own) nor after (the drag library measures
 * every target again once a drag ends, reading scroll positions of the board the drop has just
 * changed, which laid it out in the drop's task). Side by side, the pick-up takes the places read
 * at the press (see `measureDropTarget` in cardDrag.tsx). One pane at a time, a pane shown during
 * a drag is measured again then (`MeasureShownPane`).
 */
const MEASURING_COLUMNS = {
  droppable: { strategy: MeasuringStrategy.WhileDragging, measure: measureDropTarget },
};
const MEASURING_ONE_PANE = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

/**
 * Auto-scrolling while dragging: gentle, and never sideways with one pane (where a sideways
 * scroll would carry the card past the column the finger aimed for).
 */
const AUTO_SCROLL_COLUMNS = { threshold: { x: 0.08, y: 0.12 }, acceleration: 6 };
const AUTO_SCROLL_ONE_PANE = { threshold: { x: 0, y: 0.08 }, acceleration: 3 };

const NO_WARNINGS: readonly PlanWarning[] = [];
const NO_ADDED: readonly AddedItem[] = [];

const LENS_LABELS = { rice: 'RICE', ice: 'ICE', wsjf: 'WSJF', cd3: 'CD3' } as const;

/**
 * One pane at a time: a pane shown during a drag was hidden (0 × 0) when the drag library measured
 * the board at the pick-up; have it measure again so the pane's column and cards can be targets.
 */
function MeasureShownPane({ pane }: { pane: string }) {
  const context = useDndContext();
  const dragging = context.active !== null;
  const shown = useRef(pane);
  useLayoutEffect(() => {
    if (shown.current === pane) return;
    shown.current = pane;
    if (dragging) context.measureDroppableContainers([]);
  }, [pane, dragging, context]);
  return null;
}

/** The card under the pointer while dragging, naming the column it would land in. */
function DraggedCard({ scenario, item }: { scenario: Scenario; item: Item }) {
  const container = useDropContainer();
  const slot = container === null ? null : slotOfContainer(container);
  const target = container === null ? null : slot === null ? 'Backlog' : slotLabel(scenario, slot);
  return <DragPreview scenario={scenario} item={item} target={target} />;
}

/**
 * What follows the pointer (or the keyboard) while a card is dragged. It keeps the dragged card
 * in its own state, so picking a card up and dropping it re-render this overlay, not the board.
 */
const DraggedCardOverlay = memo(function DraggedCardOverlay({
  scenario,
  itemsById,
}: {
  scenario: Scenario;
  itemsById: ReadonlyMap<string, Item>;
}) {
  const [activeId, setActiveId] = useState<string | null>(null);
  useDndMonitor({
    // The preview is drawn just after the pick-up, not in its task (the drag library's own work
    // comes first); it goes at once at the drop.
    onDragStart: ({ active }) => startTransition(() => setActiveId(draggedItemId(active))),
    onDragEnd: () => setActiveId(null),
    onDragCancel: () => setActiveId(null),
  });
  const item = activeId === null ? undefined : itemsById.get(activeId);
  // No drop animation: the card is in its new place at once, and the drop does not pay for
  // measuring and animating the overlay while the board re-renders.
  return (
    <DragOverlay className="drag-overlay" dropAnimation={null}>
      {item ? <DraggedCard scenario={scenario} item={item} /> : null}
    </DragOverlay>
  );
});

/** Where a pointer drag lands if dropped now (see `pointerLanding`). */
function pointerLandingOf(
  { active, over, collisions }: DragMoveEvent,
  current: Containers,
): Place | null {
  if (!over) return null;
  const marked: unknown = collisions?.find((c) => c.id === over.id)?.data?.index;
  return pointerLanding(
    current,
    draggedItemId(active),
    resolveTarget(over.id),
    typeof marked === 'number' ? marked : undefined,
  );
}

function useLatest<T>(value: T) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/** Typing in a field (or a dialog open) turns the board's shortcuts off. */
function isTyping(target: EventTarget | null): boolean {
  const element = target instanceof Element ? target : null;
  return !!element?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]');
}

export function BoardPage({
  scenario,
  briefingHref,
  libraryHref,
  compareHref,
  playAction,
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
  // After a drop, the grade, and everything drawn from it (the strip, the capacity forecasts,
  // warnings, card timings), follows the plan a moment later: the drop redraws the cards at once,
  // and the grading and its redraw come after, in the background, without holding up the page
  // (a drop on a slower CPU stays a short task). They are drawn together, from one plan and its
  // one outcome; until then the strip is marked busy. Every other change is graded at once.
  const [droppedPlan, setDroppedPlan] = useState<Plan | null>(null);
  const deferredPlan = useDeferredValue(plan);
  const gradedPlan = droppedPlan === plan ? deferredPlan : plan;
  const grading = gradedPlan !== plan;
  const outcome = useMemo(() => evaluate(scenario, gradedPlan), [evaluate, scenario, gradedPlan]);
  const lockedSlots = workshop?.lockedSlots ?? 0;
  const addedItems = workshop?.addedItems ?? NO_ADDED;

  // Scores while planning: a workshop decides for itself; solo play follows practice mode.
  const projectionWhilePlanning = useAppStore((s) => s.preferences.projectionWhilePlanning);
  const soloShown = showsProjectionWhilePlanning(projectionWhilePlanning, scenario);
  const scoreHidden: ScoreHidden =
    workshop && !workshop.practice
      ? workshop.hideScores
        ? 'workshop'
        : null
      : soloShown
        ? null
        : 'practice';
  const hideScores = scoreHidden !== null;

  const columns = useMemo(
    () => columnForecasts(scenario, gradedPlan, outcome),
    [scenario, gradedPlan, outcome],
  );
  const warnings = useMemo(
    () => planWarnings(scenario, gradedPlan, outcome),
    [scenario, gradedPlan, outcome],
  );
  const warningsBySlot = useMemo(
    () => scenario.time.labels.map((_, slot) => warnings.filter((w) => w.slot === slot)),
    [scenario, warnings],
  );
  const shares = useMemo(
    () => typeShares(scenario, gradedPlan, outcome),
    [scenario, gradedPlan, outcome],
  );
  const use = useMemo(() => capacityUse(columns), [columns]);

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
  const saveAfterFrame = useAppStore((s) => s.saveAfterFrame);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const resetPlan = useAppStore((s) => s.resetPlan);

  const onePane = useMediaQuery(ONE_PANE_QUERY);
  const [pane, setPane] = useState<string>(BACKLOG);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [breakdownOpen, setBreakdownOpen] = useState(false);
  const breakdownId = useId();
  const boardRef = useRef<HTMLDivElement>(null);
  const stickyRef = useRef<HTMLDivElement>(null);

  // What was last said, with the plan it was said about: on a phone the line under the slot tabs
  // repeats it, and hides once the plan changes some other way (another tab's later version).
  const [announcer] = useState(createAnnouncer);
  const announce = useCallback(
    (text: string, during = false) =>
      announcer.say(text, planOf(store.getState(), scenario), during),
    [announcer, store, scenario],
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
    (result: Outcome) => (hideScores ? '' : ` Projected ${gradeAndValue(result)}.`),
    [hideScores],
  );

  // Par: baked when valid, else searched in a worker; a plan that beats it becomes par.
  useEffect(() => requestPar(scenario), [scenario, requestPar]);
  useEffect(() => {
    // A workshop grades under its own weights: its scores are not the scenario's par.
    if (!inWorkshop && par?.status === 'ready' && outcome.score > par.score)
      offerPlan(scenario.id, gradedPlan, outcome.score);
  }, [inWorkshop, par, outcome, gradedPlan, scenario, offerPlan]);

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

  // Per-card data, as primitives so memoized cards re-render only when they change.
  const warningKinds = useMemo(() => {
    const byItem = new Map<string, string[]>();
    for (const w of warnings)
      if (w.itemId) byItem.set(w.itemId, [...(byItem.get(w.itemId) ?? []), w.kind]);
    return new Map([...byItem].map(([id, kinds]) => [id, [...new Set(kinds)].join(',')]));
  }, [warnings]);
  // Which chips of each card the plan puts at risk (a card tells its warnings with them).
  const risks = useMemo(
    () => cardRisks(scenario, gradedPlan, outcome, warnings),
    [scenario, gradedPlan, outcome, warnings],
  );
  const timings = useMemo(
    () =>
      new Map(
        outcome.items.flatMap((item) =>
          item.plannedSlot === null ? [] : [[item.id, item] as const],
        ),
      ),
    [outcome],
  );

  // Items an event added: listed after the backlog, locked, with what happened to them.
  const addedNotes = useMemo(() => new Map(addedItems.map((a) => [a.id, a.note])), [addedItems]);
  const revealedItems = workshop?.revealed;
  const revealed = useMemo(() => {
    const byItem = new Map<string, RevealedItem[]>();
    for (const r of revealedItems ?? []) byItem.set(r.id, [...(byItem.get(r.id) ?? []), r]);
    return byItem;
  }, [revealedItems]);
  const backlogWithAdded = useMemo(
    () => (addedItems.length === 0 ? backlog : [...backlog, ...addedItems.map((a) => a.id)]),
    [backlog, addedItems],
  );

  // ---- Focus: it stays where the learner works -------------------------------------------------
  const pendingFocus = useRef<FocusRequest | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const containers = useMemo(() => containersOf(plan, backlogWithAdded), [plan, backlogWithAdded]);
  // Features whose MVP slice the plan puts before them: their cards are the rest.
  const splitFeatures = useMemo(() => splitFeaturesOf(scenario, plan), [scenario, plan]);
  const containersRef = useLatest(containers);
  const onePaneRef = useLatest(onePane);
  const requestFocus = useCallback(
    (request: FocusRequest) => {
      pendingFocus.current = request;
      // With one pane shown, show the pane the focus goes to (a hidden pane takes no focus).
      if (onePaneRef.current) {
        const container =
          request.kind === 'slot'
            ? request.container
            : containerOf(containersRef.current, request.itemId);
        if (container) setPane(container);
      }
      setFocusTick((tick) => tick + 1);
    },
    [onePaneRef, containersRef],
  );
  useEffect(() => {
    const request = pendingFocus.current;
    const root = boardRef.current;
    if (request === null || !root) return;
    pendingFocus.current = null;
    applyFocus(root, request);
  }, [focusTick, plan]);

  // ---- Drag and drop -------------------------------------------------------------------------
  const [preview, setPreview] = useState<Containers | null>(null);
  // The board as the drag sees it: set at a card's pick-up, null again at its drop, so it also
  // says whether a drag is on (a ref: the board does not re-render for it).
  const previewRef = useRef<Containers | null>(null);
  const keyboardTarget = useRef<string | null>(null);
  // Where a pointer drag lands if dropped now (a pointer drag leaves the cards where they are and
  // marks the place instead; see `pointerLanding`), and the hint that shows it.
  const landingRef = useRef<Place | null>(null);
  const [dropHint] = useState(createDropHint);
  const dragOrigin = useRef<{ container: string; index: number } | null>(null);
  // A keyboard drag's step (`keyboardStep` below), called by the keyboard's coordinates.
  const keyboardStepRef = useRef<(place: Place, id: string) => void>(() => {});
  const scenarioRef = useLatest(scenario);
  const evaluateRef = useLatest(evaluate);
  const hideScoresRef = useLatest(hideScores);
  // Keyboard drags and arrow keys skip the played (locked) slots.
  const order = useMemo(
    () => [
      BACKLOG,
      ...scenario.time.labels.flatMap((_, s) => (s < lockedSlots ? [] : [slotContainer(s)])),
    ],
    [scenario, lockedSlots],
  );
  const orderRef = useLatest(order);
  const pendingDrop = useRef(false);

  // dnd-kit calls these getters at event time (key presses, collisions, announcements), never
  // while rendering; they read refs so they always see the latest drag state.
  const coordinateGetter = useMemo(
    () =>
      // eslint-disable-next-line react-hooks/refs -- read at event time, see above
      createKeyboardCoordinates({
        containers: () => previewRef.current,
        order: () => orderRef.current,
        move: (place, id) => keyboardStepRef.current(place, id),
        pointAt: (place) => {
          // The card has just been drawn at its new place: the preview goes to it.
          const section = boardRef.current?.querySelector(`[data-container="${place.container}"]`);
          const list = section ? cardListOf(section) : null;
          const card = list?.children[place.index];
          if (!card) return null;
          const { left, top } = card.getBoundingClientRect();
          return { x: left, y: top };
        },
      }),
    [orderRef, keyboardStepRef],
  );
  // eslint-disable-next-line react-hooks/refs -- read at event time, see above
  const [collisionDetection] = useState(() => boardCollisions(() => keyboardTarget.current));
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter, scrollBehavior: 'auto' }),
  );
  const announcementSources = useMemo<AnnouncementSources>(
    () => ({
      scenario: () => scenarioRef.current,
      plan: () => planOf(store.getState(), scenarioRef.current),
      outcome: (next) => evaluateRef.current(scenarioRef.current, next),
      hideScore: () => hideScoresRef.current,
      keyboard: () => keyboardTarget.current !== null,
      origin: () => dragOrigin.current,
    }),
    [scenarioRef, store, evaluateRef, hideScoresRef],
  );
  /**
   * Says it in a task of its own, after the one that picked the card up or dropped it (working
   * out the words can mean grading the plan).
   */
  const announceSoon = (text: () => string | undefined, during = false) => {
    setTimeout(() => {
      const said = text();
      if (said !== undefined) announce(said, during);
    }, 0);
  };

  const finishDrag = () => {
    boardRef.current?.style.removeProperty('min-height');
    previewRef.current = null;
    keyboardTarget.current = null;
    landingRef.current = null;
    dropHint.set(null);
    setPreview(null);
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const id = draggedItemId(active);
    const keyboard = activatorEvent instanceof KeyboardEvent;
    // One pane at a time: a shorter pane shown mid-drag must not shorten the page, or the browser
    // scrolls it up, the sticky slot tabs slide under the finger and the next tab opens its pane
    // (a drag aimed at Q2 ran on to Q4). The board keeps its height until the drop.
    const board = boardRef.current;
    if (onePane && board) board.style.minHeight = `${board.offsetHeight}px`;
    const container = containerOf(containersRef.current, id);
    dragOrigin.current =
      container === null
        ? null
        : { container, index: containersRef.current[container]?.indexOf(id) ?? 0 };
    previewRef.current = containersRef.current;
    // A keyboard drag is over the container its steps reach, from where it starts.
    keyboardTarget.current = keyboard ? container : null;
    landingRef.current = null;
    announceSoon(() => pickUpText(announcementSources, id), true);
    // Only a keyboard drag moves the card while dragging, so only it renders from the preview;
    // a pointer drag marks its column from its first move on.
    if (keyboard) {
      dropHint.set(container === null ? null : { container, index: 0, elsewhere: false });
      setPreview(containersRef.current);
    }
  };

  /**
   * A keyboard drag's step: the card moves on the board at once (drawn before the key press
   * returns, so its preview can go to it), and the board says where it is.
   */
  const keyboardStep = (place: Place, id: string) => {
    const current = previewRef.current;
    if (current === null) return;
    const next = placeCard(current, id, place);
    previewRef.current = next;
    keyboardTarget.current = place.container;
    flushSync(() => {
      setPreview(next);
      // One pane at a time: the pane follows the card.
      if (onePane) setPane(place.container);
    });
    dropHint.set({ container: place.container, index: 0, elsewhere: false });
    const step = describeStep(announcementSources, id, next);
    if (step !== undefined) announce(step, true);
  };
  useLayoutEffect(() => {
    keyboardStepRef.current = keyboardStep;
  });

  /**
   * A pointer drag: the cards stay put; a line marks where this one would land (in the card's own
   * column, where the pointer marks it, the card itself still shown; none while it would stay).
   */
  const trackPointer = (event: DragMoveEvent, current: Containers): Place | null => {
    const landing = pointerLandingOf(event, current);
    landingRef.current = landing;
    const id = draggedItemId(event.active);
    if (landing === null) dropHint.set(null);
    else if (landing.container === dragOrigin.current?.container)
      dropHint.set(
        isCurrentPlace(current, id, landing) || landing.container === BACKLOG
          ? { ...landing, elsewhere: false }
          : {
              container: landing.container,
              // The line's place among the cards shown, the dragged one among them.
              index: landing.index + (landing.index >= (dragOrigin.current?.index ?? 0) ? 1 : 0),
              elsewhere: true,
            },
      );
    else dropHint.set({ ...landing, elsewhere: true });
    return landing;
  };

  // Over one card, the place still changes as the pointer crosses the card's middle.
  const onDragMove = (event: DragMoveEvent) => {
    const current = previewRef.current;
    if (current && !(event.activatorEvent instanceof KeyboardEvent)) trackPointer(event, current);
  };

  const onDragOver = (event: DragOverEvent) => {
    const { over, activatorEvent } = event;
    const current = previewRef.current;
    // A keyboard drag moves by its steps (`keyboardStep`).
    if (!over || !current || activatorEvent instanceof KeyboardEvent) return;
    const landing = trackPointer(event, current);
    const id = draggedItemId(event.active);
    announceSoon(
      () =>
        landing === null
          ? `${itemsById.get(id)?.title ?? id} is not over a column.`
          : describeStep(announcementSources, id, placeCard(current, id, landing)),
      true,
    );
    // One pane at a time: a tab dragged over opens its pane.
    if (landing && onePane && resolveTarget(over.id) !== over.id) setPane(landing.container);
  };

  const onDragEnd = (event: DragEndEvent) => {
    const { active, over, activatorEvent } = event;
    const current = previewRef.current;
    const id = draggedItemId(active);
    const keyboard = activatorEvent instanceof KeyboardEvent;
    const origin = dragOrigin.current;
    finishDrag();
    const stay = () => keyboard && requestFocus({ kind: 'card', itemId: id, control: 'grip' });
    if (!over || !current) {
      announceSoon(() => dropText(announcementSources, id, 'outside'));
      return stay();
    }
    // A keyboard drag has moved the card to its place; a pointer drag lands where it points.
    const at = containerOf(current, id);
    const drop: Place | null = keyboard
      ? at === null
        ? null
        : { container: at, index: current[at]?.indexOf(id) ?? 0 }
      : pointerLandingOf(event, current);
    if (!drop) return stay();
    const unmoved =
      drop.container === BACKLOG
        ? origin?.container === BACKLOG
        : isCurrentPlace(containersRef.current, id, drop);
    if (unmoved) {
      announceSoon(() => dropText(announcementSources, id, 'unmoved'));
      return stay();
    }
    const slot = slotOfContainer(drop.container);
    if (refuse(id, slot)) return stay();
    // Focus stays where the learner works: the card that took this one's place in the column
    // it left (a reorder within a column keeps focus on the card).
    if (keyboard)
      requestFocus(
        origin && origin.container !== drop.container
          ? { kind: 'slot', container: origin.container, index: origin.index, control: 'grip' }
          : { kind: 'card', itemId: id, control: 'grip' },
      );
    performance.mark(DROP_MARK);
    pendingDrop.current = true;
    // The card is drawn anew in its place and its old element removed. A pointer drag's press
    // focused its grip, and removing the focused element made the browser lay out the changed
    // board in the drop's task; the grip lets go of focus now instead (it ends on the page, as
    // it did when the element went).
    const focused = document.activeElement;
    if (
      !keyboard &&
      focused instanceof HTMLElement &&
      focused.closest('[data-item-id]')?.getAttribute('data-item-id') === id
    )
      focused.blur();
    // Saved just after the frame that shows the card in its place, not in the drop's task.
    saveAfterFrame(() => {
      if (slot === null) moveItem(scenario, id, null);
      else moveItem(scenario, id, slot, drop.index);
    });
    setDroppedPlan(planOf(store.getState(), scenario));
    announceSoon(() => dropText(announcementSources, id, 'moved'));
  };

  const onDragCancel = ({ active, activatorEvent }: DragCancelEvent) => {
    const id = draggedItemId(active);
    finishDrag();
    announceSoon(() => cancelText(announcementSources, id), true);
    if (activatorEvent instanceof KeyboardEvent)
      requestFocus({ kind: 'card', itemId: id, control: 'grip' });
  };

  /**
   * Moves a card without dragging ("Move to…", number keys, Alt+arrows): the same store action
   * as a drop. Focus then goes to `control` of the card that took its place in the column it
   * left, or stays on the card when it only moved up or down.
   */
  const moveCard = useCallback(
    (itemId: string, target: MoveTarget, control: CardControl) => {
      const current = scenarioRef.current;
      const before = planOf(store.getState(), current);
      if (target.kind === 'split' || target.kind === 'merge') {
        // Split: the MVP slice goes just before its feature. Merge: the MVP leaves the plan.
        const move = sliceMove(current, before, itemId, target.kind);
        if (move === null || refuse(move.mvp, move.slot)) return;
        // Focus stays on the card, or, when the MVP itself leaves, goes to what takes its place.
        const from = move.mvp === itemId ? findItem(before, itemId) : null;
        const container = from ? slotContainer(from.slot) : null;
        requestFocus(
          container
            ? { kind: 'slot', container, index: from?.index ?? 0, control }
            : { kind: 'card', itemId, control },
        );
        performance.mark(DROP_MARK);
        pendingDrop.current = true;
        moveItem(current, move.mvp, move.slot, move.index);
        const next = planOf(store.getState(), current);
        announce(
          `${describeSliceMove(current, next, move)}${scoreSentence(evaluate(current, next))}`,
        );
        return;
      }
      const at = findItem(before, itemId);
      const [slot, index] =
        target.kind === 'slot'
          ? [target.slot, undefined]
          : target.kind === 'backlog'
            ? [null, undefined]
            : at === null
              ? [null, undefined]
              : [at.slot, at.index + (target.kind === 'up' ? -1 : 1)];
      const title = itemsById.get(itemId)?.title ?? itemId;
      if (
        (target.kind === 'slot' && at?.slot === slot) ||
        (target.kind === 'backlog' && at === null) ||
        (index !== undefined && (index < 0 || index >= (before.slots[at?.slot ?? 0]?.length ?? 0)))
      ) {
        announce(`${title} is already in ${placeOf(current, before, itemId)}.`);
        return;
      }
      if (refuse(itemId, slot)) return;
      const from = at === null ? BACKLOG : slotContainer(at.slot);
      const leaves = target.kind === 'slot' || target.kind === 'backlog';
      requestFocus(
        leaves
          ? {
              kind: 'slot',
              container: from,
              index: containersRef.current[from]?.indexOf(itemId) ?? 0,
              control,
            }
          : { kind: 'card', itemId, control },
      );
      performance.mark(DROP_MARK);
      pendingDrop.current = true;
      moveItem(current, itemId, slot, index);
      const next = planOf(store.getState(), current);
      const result = evaluate(current, next);
      announce(`${describePlacement(current, next, result, itemId)}.${scoreSentence(result)}`);
    },
    [
      moveItem,
      store,
      announce,
      scenarioRef,
      refuse,
      evaluate,
      scoreSentence,
      itemsById,
      requestFocus,
      containersRef,
    ],
  );
  const onMove = useCallback(
    (itemId: string, target: MoveTarget) => moveCard(itemId, target, 'move'),
    [moveCard],
  );

  const onOpen = useCallback((itemId: string) => setDetailsId(itemId), []);

  // The board keeps what it scrolls to (a focused card, a card scrolled into view) clear of the
  // sticky column headers: its scroll padding is the tallest header's height.
  useLayoutEffect(() => {
    const root = boardRef.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const headers = () => [...root.querySelectorAll<HTMLElement>('.column-sticky')];
    const update = () => {
      const tallest = Math.max(0, ...headers().map((header) => header.offsetHeight));
      root.style.setProperty('--column-head', `${tallest}px`);
    };
    const observer = new ResizeObserver(update);
    for (const header of headers()) observer.observe(header);
    update();
    return () => observer.disconnect();
  }, [columns.length, onePane]);

  // One pane at a time: a pane opened with the page scrolled down (a tab tapped, or dragged over)
  // starts at its top, just under the sticky bar, not part-way down where the last pane left it.
  useLayoutEffect(() => {
    const board = boardRef.current;
    const bar = stickyRef.current;
    if (!onePane || !board || !bar) return;
    const hidden = bar.getBoundingClientRect().bottom - board.getBoundingClientRect().top;
    if (hidden > 1) window.scrollBy(0, -hidden);
  }, [pane, onePane]);

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

  // ---- Undo, redo, reset ---------------------------------------------------------------------
  const plannedCount = plannedIds(plan).length;
  const historyStep = useCallback(
    (step: (scenario: Scenario) => void, verb: 'Undone' | 'Redone') => {
      const current = scenarioRef.current;
      const before = planOf(store.getState(), current);
      step(current);
      const after = planOf(store.getState(), current);
      if (after === before) return;
      const result = evaluate(current, after);
      announce(
        `${verb}: ${describePlanChange(current, before, after)}. ${plannedIds(after).length} items planned.${scoreSentence(result)}`,
      );
    },
    [store, scenarioRef, evaluate, scoreSentence, announce],
  );
  const doUndo = useCallback(() => historyStep(undo, 'Undone'), [historyStep, undo]);
  const doRedo = useCallback(() => historyStep(redo, 'Redone'), [historyStep, redo]);
  const doReset = useCallback(() => {
    resetPlan(scenario);
    announce(
      lockedSlots > 0
        ? `${variant.name} reset: the played slots stay as played, every other item is back in the backlog. Undo brings the plan back.`
        : `${variant.name} reset: every item is back in the backlog. Undo brings the plan back.`,
    );
  }, [resetPlan, scenario, announce, lockedSlots, variant.name]);

  // ---- Keys ------------------------------------------------------------------------------------
  const busyRef = useLatest(detailsId !== null || shortcutsOpen);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (
        busyRef.current ||
        previewRef.current !== null ||
        document.querySelector('[role="dialog"], [role="menu"]')
      )
        return;
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      event.preventDefault();
      if (key === 'y' || event.shiftKey) doRedo();
      else doUndo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [doUndo, doRedo, busyRef]);

  // Keys on a card: arrows move focus between cards and columns, digits move the card.
  const moveCardRef = useLatest(moveCard);
  useEffect(() => {
    const root = boardRef.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || busyRef.current || event.ctrlKey || event.metaKey) return;
      const element = event.target instanceof Element ? event.target : null;
      const columns = [BACKLOG, ...scenarioRef.current.time.labels.map((_, s) => slotContainer(s))];
      const sideways = (container: string, index: number, control: CardControl) => {
        const next = columns[columns.indexOf(container) + (event.key === 'ArrowRight' ? 1 : -1)];
        event.preventDefault();
        if (next) requestFocus({ kind: 'slot', container: next, index, control });
      };
      // An empty column's placeholder takes focus too: Left and Right go on from there.
      const empty = element instanceof HTMLElement ? element.dataset.emptyFor : undefined;
      if (empty !== undefined && (event.key === 'ArrowLeft' || event.key === 'ArrowRight'))
        return sideways(empty, 0, 'grip');
      const card = element?.closest<HTMLElement>('li[data-item-id]');
      const control = element ? controlOf(element) : null;
      const container = card?.closest<HTMLElement>('[data-container]')?.dataset.container;
      const itemId = card?.dataset.itemId;
      if (!card || !control || !container || !itemId) return;
      const slots = scenarioRef.current.time.labels.length;
      const move = (target: MoveTarget) => {
        event.preventDefault();
        moveCardRef.current(itemId, target, control);
      };
      if (event.altKey) {
        if (event.key === 'ArrowUp') move({ kind: 'up' });
        else if (event.key === 'ArrowDown') move({ kind: 'down' });
        return;
      }
      if (/^[1-9]$/.test(event.key) && Number(event.key) <= slots)
        return move({ kind: 'slot', slot: Number(event.key) - 1 });
      if (event.key === '0') return move({ kind: 'backlog' });
      // The "Move to…" button keeps its own arrow keys (they open its menu).
      if (control === 'move') return;
      const ids = Array.from(
        root.querySelectorAll<HTMLElement>(`[data-container="${container}"] li[data-item-id]`),
      ).map((el) => el.dataset.itemId);
      const index = ids.indexOf(itemId);
      const go = (request: FocusRequest) => {
        event.preventDefault();
        requestFocus(request);
      };
      switch (event.key) {
        case 'ArrowUp':
          if (index > 0) go({ kind: 'slot', container, index: index - 1, control });
          else event.preventDefault();
          return;
        case 'ArrowDown':
          if (index < ids.length - 1) go({ kind: 'slot', container, index: index + 1, control });
          else event.preventDefault();
          return;
        case 'Home':
          return go({ kind: 'slot', container, index: 0, control });
        case 'End':
          return go({ kind: 'slot', container, index: ids.length - 1, control });
        case 'ArrowLeft':
        case 'ArrowRight':
          return sideways(container, index, control);
      }
    };
    // The skip link focuses the board; focus moves on to the first card of the pane shown.
    const onFocus = (event: FocusEvent) => {
      if (event.target !== root) return;
      const first = root.querySelector<HTMLElement>(
        '.board-column:not(.is-hidden-pane) li[data-item-id] .drag-handle',
      );
      first?.focus();
    };
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focus', onFocus);
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focus', onFocus);
    };
  }, [busyRef, moveCardRef, requestFocus, scenarioRef]);

  // ---- Warnings from the strip -----------------------------------------------------------------
  const warningPlace = useCallback(
    (w: PlanWarning) => {
      const slot = w.slot === null ? 'Plan' : slotLabel(scenario, w.slot);
      const item = w.itemId ? itemsById.get(w.itemId)?.title : undefined;
      return item ? `${slot} · ${item}` : slot;
    },
    [scenario, itemsById],
  );
  const onShowWarning = useCallback(
    (w: PlanWarning) => {
      if (w.itemId && findItem(planOf(store.getState(), scenarioRef.current), w.itemId))
        requestFocus({ kind: 'card', itemId: w.itemId, control: 'title' });
      else if (w.slot !== null)
        requestFocus({
          kind: 'slot',
          container: slotContainer(w.slot),
          index: 0,
          control: 'title',
        });
    },
    [store, scenarioRef, requestFocus],
  );
  const setScoreShown = useCallback(
    (shown: boolean) => {
      setPreferences({ projectionWhilePlanning: shown ? 'show' : 'hide' });
      announce(
        shown
          ? 'The projected score and share of par are shown while you plan.'
          : 'Practice mode: the projected score and share of par are hidden until you play the year.',
      );
    },
    [setPreferences, announce],
  );
  const scoreSwitch = useMemo(
    () => (workshop && !workshop.practice ? null : { shown: soloShown, onChange: setScoreShown }),
    [workshop, soloShown, setScoreShown],
  );

  // What a drop does not change keeps its props, so the head and the tools skip the drop's renders.
  const trail = useMemo(
    () => [
      { href: libraryHref, label: 'Scenario library' },
      { href: briefingHref, label: 'Briefing' },
    ],
    [libraryHref, briefingHref],
  );
  const toggleBreakdown = useCallback(() => setBreakdownOpen((open) => !open), []);
  const openShortcuts = useCallback(() => setShortcutsOpen(true), []);

  // ---- Render --------------------------------------------------------------------------------
  const shown = preview ?? containers;
  const scale = Math.max(1, ...columns.map((c) => Math.max(c.nominal, c.queued)));
  const card = (container: string, ids: readonly string[], id: string, index: number) => {
    const item = itemsById.get(id);
    if (!item) return null;
    const slot = slotOfContainer(container);
    const addedNote = addedNotes.get(id) ?? null;
    // A card just moved shows its timing once the grading has caught up with the move.
    const graded = slot === null ? undefined : timings.get(id);
    const timing = graded?.plannedSlot === slot ? graded : undefined;
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
        split={splitFeatures.has(id)}
        warnings={warningKinds.get(id) ?? ''}
        risks={timing ? cardRisksKey(risks.get(id)) : ''}
        startedAt={timing?.startedAt ?? null}
        completedAt={timing?.completedAt ?? null}
        note={container === BACKLOG ? addedNote : null}
        revealed={revealed.get(id) ?? null}
        lensScore={container === BACKLOG ? (lensScores?.get(id) ?? null) : null}
        onOpen={onOpen}
        onMove={onMove}
      />
    );
  };
  const backlogShown = shown[BACKLOG] ?? [];
  const backlogPoints = allBacklog.reduce((sum, id) => sum + (itemsById.get(id)?.effort ?? 0), 0);
  const detailsItem = detailsId ? itemsById.get(detailsId) : undefined;
  const tabs: SwitcherTab[] = [
    {
      container: BACKLOG,
      label: 'Backlog',
      count: allBacklog.length,
      over: false,
      locked: false,
    },
    ...columns.map((column) => ({
      container: slotContainer(column.slot),
      label: column.label,
      count: (shown[slotContainer(column.slot)] ?? []).length,
      over: column.overcommit > 0,
      locked: column.slot < lockedSlots,
    })),
  ];
  const paneOf = (container: string) =>
    onePane ? { tabId: tabIdOf(container), id: paneIdOf(container) } : undefined;

  return (
    <div className="board-page" data-layout={onePane ? 'one-pane' : 'columns'}>
      <div className="board-head">
        <Breadcrumbs steps={trail} />
        <header className="board-header">
          <h1 tabIndex={-1}>
            <span className="eyebrow-inline">Plan ·</span> {scenario.title}
          </h1>
          <p className="muted small" data-testid="planned-count">
            {variant.name} · {plannedCount} of {scenario.items.filter((i) => !i.injected).length}{' '}
            planned
          </p>
        </header>
        <Folded
          when={onePane}
          summary={`${variant.name}: variants, reset, sharing`}
          className="board-more"
        >
          <Variants
            scenario={scenario}
            announce={announce}
            {...(compareHref ? { compareHref } : {})}
          />
          <BoardTools
            breakdownOpen={breakdownOpen}
            breakdownId={breakdownId}
            onBreakdown={toggleBreakdown}
            scoresHidden={hideScores}
            onReset={doReset}
            plannedCount={plannedCount}
            variantName={variant.name}
            onShortcuts={openShortcuts}
            actions={toolbarActions}
          />
        </Folded>
      </div>
      {workshop?.panel}
      <DropHintContext.Provider value={dropHint}>
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          measuring={onePane ? MEASURING_ONE_PANE : MEASURING_COLUMNS}
          autoScroll={onePane ? AUTO_SCROLL_ONE_PANE : AUTO_SCROLL_COLUMNS}
          accessibility={{
            announcements: silentAnnouncements,
            screenReaderInstructions,
            restoreFocus: false,
          }}
          onDragStart={onDragStart}
          onDragMove={onDragMove}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
        >
          {onePane && <MeasureShownPane pane={pane} />}
          <CardDragProvider>
            <div className="board-sticky" ref={stickyRef} aria-busy={grading || undefined}>
              <Strip
                outcome={outcome}
                par={par}
                hidden={scoreHidden}
                scoreSwitch={scoreSwitch}
                {...(workshop ? { caption: workshop.caption } : {})}
                use={use}
                warnings={warnings}
                warningPlace={warningPlace}
                onShowWarning={onShowWarning}
                canUndo={(history?.past.length ?? 0) > 0}
                canRedo={(history?.future.length ?? 0) > 0}
                onUndo={doUndo}
                onRedo={doRedo}
                play={playAction}
              />
              {onePane && <SlotSwitcher tabs={tabs} selected={pane} onSelect={setPane} />}
              {onePane && <LastAction announcer={announcer} plan={plan} />}
            </div>
            <BreakdownPanel
              id={breakdownId}
              open={breakdownOpen}
              outcome={outcome}
              overall={shares.overall}
              scoresHidden={hideScores}
            />
            <Legend open={!onePane} />
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
            <div
              ref={boardRef}
              id={BOARD_ID}
              tabIndex={-1}
              className="board"
              style={{ '--slots': columns.length } as CSSProperties}
            >
              <Backlog
                itemIds={backlogShown}
                hiddenCount={allBacklog.length - backlog.length}
                points={backlogPoints}
                types={visibleTypes}
                selectedTypes={selectedTypes}
                onToggleType={toggleType}
                sort={sort}
                onSort={(next) => setPreferences({ backlogSort: next })}
                foldTools={onePane}
                hiddenPane={onePane && pane !== BACKLOG}
                {...(onePane ? { pane: paneOf(BACKLOG)! } : {})}
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
                    hiddenPane={onePane && pane !== container}
                    {...(onePane ? { pane: paneOf(container)! } : {})}
                  >
                    {ids.map((id, i) => card(container, ids, id, i))}
                  </Column>
                );
              })}
            </div>
          </CardDragProvider>
          <DraggedCardOverlay scenario={scenario} itemsById={itemsById} />
        </DndContext>
      </DropHintContext.Provider>
      <BoardLiveRegion announcer={announcer} id="board-announcer" />
      {detailsItem && (
        <ItemDetails
          scenario={scenario}
          item={detailsItem}
          plan={gradedPlan}
          outcome={outcome}
          warnings={warnings.filter((w) => w.itemId === detailsItem.id)}
          revealed={revealed.get(detailsItem.id) ?? null}
          onClose={() => setDetailsId(null)}
        />
      )}
      {shortcutsOpen && (
        <ShortcutsDialog slots={scenario.time.labels} onClose={() => setShortcutsOpen(false)} />
      )}
    </div>
  );
}
