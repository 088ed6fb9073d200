/**
 * The one loading path for scenarios, whatever their source (shipped file, imported file, share
 * link, stored state):
 *
 * 1. parse (text → JSON, refusing oversized input before parsing),
 * 2. migrate from the file's `schemaVersion` to the current one (a future version is an error),
 * 3. validate against the schema (defaults filled in),
 * 4. check cross-references (unknown ids, cycles, dates past the horizon…).
 *
 * It never throws: every failure comes back as issues naming the field at fault.
 */
import { checkHidden } from './hidden.ts';
import { fromZodError, type Issue, type Result } from './issues.ts';
import { compile } from './compile.ts';
import { migrateScenario } from './migrations.ts';
import { checkRenegotiations } from './renegotiation.ts';
import { checkSlices, withSliceValues } from './slices.ts';
import {
  LIMITS,
  SCHEMA_VERSION,
  scenarioSchema,
  type LessonCondition,
  type Scenario,
  type Weights,
} from './schema.ts';

/** The largest scenario file accepted, in characters of JSON text. */
export const MAX_SCENARIO_CHARS = 2_000_000;

/** Scenario load result: the scenario plus non-fatal warnings, or the issues. */
export type ScenarioResult =
  { ok: true; scenario: Scenario; warnings: Issue[] } | { ok: false; issues: Issue[] };

/** Parses JSON text, refusing input larger than `maxChars` before parsing it. */
export function parseJsonText(text: string, maxChars: number, what: string): Result<unknown> {
  if (text.length > maxChars) {
    return {
      ok: false,
      issues: [
        {
          path: '(file)',
          message: `is too large (${(text.length / 1e6).toFixed(1)} MB); a ${what} is at most ${(maxChars / 1e6).toFixed(1)} MB`,
        },
      ],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, issues: [{ path: '(file)', message: `is not valid JSON (${detail})` }] };
  }
}

/**
 * Loads a scenario from JSON text or an already-parsed value.
 * @returns the validated scenario with defaults filled in, or issues naming each field at fault.
 */
export function loadScenario(input: unknown): ScenarioResult {
  try {
    let raw = input;
    if (typeof input === 'string') {
      const parsed = parseJsonText(input, MAX_SCENARIO_CHARS, 'scenario file');
      if (!parsed.ok) return parsed;
      raw = parsed.value;
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return {
        ok: false,
        issues: [{ path: '(file)', message: 'must be a JSON object (a scenario)' }],
      };
    }
    const migrated = migrateScenario(raw as Record<string, unknown>, SCHEMA_VERSION);
    if (!migrated.ok) return migrated;
    const items = (migrated.value as { items?: unknown }).items;
    if (Array.isArray(items) && items.length > LIMITS.items * 20) {
      // Refuse absurd sizes before validating element by element.
      return {
        ok: false,
        issues: [
          {
            path: 'items',
            message: `has ${items.length} entries; a scenario has at most ${LIMITS.items}`,
          },
        ],
      };
    }
    const parsed = scenarioSchema.safeParse(migrated.value);
    if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error, migrated.value) };
    const sliceIssues = checkSlices(parsed.data);
    if (sliceIssues.length > 0) return { ok: false, issues: sliceIssues };
    let scenario = withSliceValues(parsed.data);
    const { errors, warnings } = checkReferences(scenario);
    errors.push(...checkHidden(scenario), ...checkRenegotiations(scenario));
    if (errors.length > 0) return { ok: false, issues: errors };
    if (migrated.from < 2 && scenario.team.pointValue === undefined) {
      // Version 1 had no price for a point of capacity; engine 2 prices the debt left at the end
      // with it. Fill in the default the engine would use, and say so.
      const pointValue = Math.round(compile(scenario).pointValue);
      scenario = { ...scenario, team: { ...scenario.team, pointValue } };
      migrated.notes.push({
        path: 'team.pointValue',
        message: `was filled in as $${pointValue.toLocaleString('en-US')} a point: version 1 had no price for a point of capacity, which engine 2 uses to price the debt left at the end; this is the expected ARR a point of the backlog's features adds`,
      });
    }
    const notes = migrated.notes.map((n) => ({
      path: n.path,
      message: `${n.message} (schemaVersion ${migrated.from} → ${SCHEMA_VERSION})`,
    }));
    return { ok: true, scenario, warnings: [...notes, ...warnings] };
  } catch (error) {
    // Defensive: a pathological input (e.g. nesting deep enough to exhaust the stack).
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '(file)', message: `could not be read (${detail})` }] };
  }
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) dup.add(id);
    seen.add(id);
  }
  return [...dup];
}

/** Finds one dependency cycle, as a list of item ids, or null. */
export function findCycle(deps: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    const s = state.get(node);
    if (s === 'done') return null;
    if (s === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of deps.get(node) ?? []) {
      if (!deps.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of deps.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** Cross-reference checks that a schema alone cannot express. */
export function checkReferences(s: Scenario): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const slots = s.time.labels.length;
  const lastLabel = s.time.labels[slots - 1] ?? '';
  const pastHorizon = (value: number, path: string, what: string) => {
    if (value >= slots)
      err(
        path,
        `${what} slot ${value} is past the horizon (slots are 0–${slots - 1}, last is ${lastLabel})`,
      );
  };

  const itemIds = new Set(s.items.map((i) => i.id));
  const vulnIds = new Set((s.security?.vulnerabilities ?? []).map((v) => v.id));
  const obligationIds = new Set(s.obligations.map((o) => o.id));

  for (const [list, path] of [
    [s.items.map((i) => i.id), 'items'],
    [(s.security?.vulnerabilities ?? []).map((v) => v.id), 'security.vulnerabilities'],
    [(s.security?.threats ?? []).map((x) => x.id), 'security.threats'],
    [s.obligations.map((o) => o.id), 'obligations'],
    [s.deals.map((d) => d.id), 'deals'],
    [s.stakeholders.map((x) => x.id), 'stakeholders'],
    [s.events.map((e) => e.id), 'events'],
    [s.lessons.map((l) => l.id), 'lessons'],
  ] as const) {
    for (const id of duplicates(list)) err(path, `id "${id}" is used more than once`);
  }

  // Per-slot arrays must match the horizon.
  const wrongLength = (length: number) =>
    `has ${counted(length, 'value')} but the scenario has ${counted(slots, 'slot')}`;
  const perSlot = (value: number | number[], path: string) => {
    if (Array.isArray(value) && value.length !== slots && value.length !== 1)
      err(path, wrongLength(value.length));
  };
  perSlot(s.team.capacity, 'team.capacity');
  if (s.team.ktlo !== undefined) perSlot(s.team.ktlo, 'team.ktlo');
  if (s.demand?.seasonality && s.demand.seasonality.length !== slots)
    err('demand.seasonality', wrongLength(s.demand.seasonality.length));

  const closedBy = new Map<string, string[]>();
  const satisfiedBy = new Map<string, string[]>();
  const injectedBy = new Map<string, string>();
  for (const e of s.events) if (e.kind === 'injectItem') injectedBy.set(e.item, e.id);

  s.items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (item.estimate) {
      const [low, high] = item.estimate;
      if (!(low <= item.effort && item.effort <= high))
        err(`${at}.estimate`, `must be [low, high] with low ≤ effort (${item.effort}) ≤ high`);
    }
    item.dependsOn.forEach((dep, j) => {
      if (dep === item.id) err(`${at}.dependsOn[${j}]`, `"${item.id}" cannot depend on itself`);
      else if (!itemIds.has(dep)) err(`${at}.dependsOn[${j}]`, `unknown item "${dep}"`);
    });
    pastHorizon(item.notBefore, `${at}.notBefore`, 'not-before');
    if (item.urgency.kind === 'deadline')
      pastHorizon(item.urgency.slot, `${at}.urgency.slot`, 'deadline');
    if (item.urgency.kind === 'decay')
      pastHorizon(item.urgency.startSlot, `${at}.urgency.startSlot`, 'decay start');
    item.effects.closes.forEach((v, j) => {
      if (!vulnIds.has(v)) err(`${at}.effects.closes[${j}]`, `unknown vulnerability "${v}"`);
      closedBy.set(v, [...(closedBy.get(v) ?? []), item.id]);
    });
    const ob = item.effects.compliance;
    if (ob !== undefined) {
      if (!obligationIds.has(ob)) err(`${at}.effects.compliance`, `unknown obligation "${ob}"`);
      satisfiedBy.set(ob, [...(satisfiedBy.get(ob) ?? []), item.id]);
    }
    if (item.effects.fee)
      pastHorizon(item.effects.fee.fromSlot, `${at}.effects.fee.fromSlot`, 'fee start');
    if (item.injected && !injectedBy.has(item.id))
      err(`${at}.injected`, `"${item.id}" is marked injected but no injectItem event injects it`);
  });

  const cycle = findCycle(new Map(s.items.map((i) => [i.id, i.dependsOn])));
  if (cycle) err('items', `dependency cycle: ${cycle.join(' → ')}`);

  (s.security?.vulnerabilities ?? []).forEach((v, i) => {
    if (!closedBy.has(v.id))
      err(
        `security.vulnerabilities[${i}]`,
        `vulnerability "${v.id}" is closed by no item (add it to an item's effects.closes)`,
      );
    pastHorizon(v.disclosedSlot, `security.vulnerabilities[${i}].disclosedSlot`, 'disclosure');
  });

  (s.security?.threats ?? []).forEach((x, i) => {
    const at = `security.threats[${i}]`;
    if (vulnIds.has(x.id))
      err(`${at}.id`, `"${x.id}" is already a vulnerability’s id (a threat needs its own)`);
    x.controls.forEach((ctl, j) => {
      if (!itemIds.has(ctl.item)) err(`${at}.controls[${j}].item`, `unknown item "${ctl.item}"`);
    });
    for (const item of duplicates(x.controls.map((ctl) => ctl.item)))
      err(`${at}.controls`, `item "${item}" is listed more than once`);
  });

  s.obligations.forEach((o, i) => {
    pastHorizon(o.deadlineSlot, `obligations[${i}].deadlineSlot`, 'deadline');
    if (!satisfiedBy.has(o.id))
      err(
        `obligations[${i}]`,
        `obligation "${o.id}" is satisfied by no item (set an item's effects.compliance)`,
      );
  });

  s.deals.forEach((d, i) => {
    if (!obligationIds.has(d.obligation))
      err(`deals[${i}].obligation`, `unknown obligation "${d.obligation}"`);
    pastHorizon(d.fromSlot, `deals[${i}].fromSlot`, 'deal');
  });

  s.stakeholders.forEach((st, i) => {
    st.asks.forEach((a, j) => {
      if (!itemIds.has(a.item))
        err(`stakeholders[${i}].asks[${j}].item`, `unknown item "${a.item}"`);
      pastHorizon(a.bySlot, `stakeholders[${i}].asks[${j}].bySlot`, 'wanted-by');
    });
  });

  const itemById = new Map(s.items.map((i) => [i.id, i]));
  s.events.forEach((e, i) => {
    const at = `events[${i}]`;
    const refItem = (id: string, path: string) => {
      if (!itemIds.has(id)) err(path, `unknown item "${id}"`);
    };
    switch (e.kind) {
      case 'injectItem': {
        pastHorizon(e.slot, `${at}.slot`, 'event');
        const target = itemById.get(e.item);
        if (!target) err(`${at}.item`, `unknown item "${e.item}"`);
        else if (!target.injected) err(`${at}.item`, `item "${e.item}" must have "injected": true`);
        if (e.opens !== undefined && !vulnIds.has(e.opens))
          err(`${at}.opens`, `unknown vulnerability "${e.opens}"`);
        e.prepared?.items.forEach((id, j) => refItem(id, `${at}.prepared.items[${j}]`));
        break;
      }
      case 'demandSpike': {
        pastHorizon(e.slot, `${at}.slot`, 'event');
        const total = e.branches.reduce((sum, b) => sum + b.probability, 0);
        if (Math.abs(total - 1) > 1e-6)
          err(
            `${at}.branches`,
            `probabilities must add up to 1 (they add up to ${total.toFixed(3)})`,
          );
        break;
      }
      case 'competitorCopy':
        pastHorizon(e.slot, `${at}.slot`, 'event');
        refItem(e.item, `${at}.item`);
        break;
      case 'cascade':
        pastHorizon(e.fromSlot, `${at}.fromSlot`, 'event');
        e.mitigations.forEach((m, j) => refItem(m.item, `${at}.mitigations[${j}].item`));
        break;
    }
  });

  const checkCondition = (c: LessonCondition, path: string) => {
    switch (c.kind) {
      case 'itemLate':
      case 'itemDoneBy':
        if (!itemIds.has(c.item)) err(`${path}.item`, `unknown item "${c.item}"`);
        pastHorizon(c.slot, `${path}.slot`, 'lesson');
        break;
      case 'itemOmitted':
        if (!itemIds.has(c.item)) err(`${path}.item`, `unknown item "${c.item}"`);
        break;
      case 'obligationMissed':
        if (!obligationIds.has(c.obligation))
          err(`${path}.obligation`, `unknown obligation "${c.obligation}"`);
        break;
      case 'all':
      case 'any':
        c.of.forEach((sub, j) => checkCondition(sub, `${path}.of[${j}]`));
        break;
      default:
        break;
    }
  };
  s.lessons.forEach((l, i) => checkCondition(l.when, `lessons[${i}].when`));

  // Capacity health is reported, not scored (engine 2 prices the remaining debt in net value).
  const scored = (weights: Weights) =>
    Object.entries(weights).reduce<number>(
      (a, [m, w]) => a + (m === 'capacityHealth' ? 0 : (w ?? 0)),
      0,
    );
  if (!(scored(s.scoring.weights) > 0))
    err(
      'scoring.weights',
      'at least one metric other than capacity health needs a positive weight',
    );
  const unscored = [
    ['scoring.weights', s.scoring.weights] as const,
    ...(s.scoring.presets ?? []).map(
      (p, i) => [`scoring.presets[${i}].weights`, p.weights] as const,
    ),
  ];
  // A version-1 file's capacity-health weights are removed by its migration (with a notice); a
  // version-2 file that weights it is refused.
  for (const [path, weights] of unscored)
    if ((weights.capacityHealth ?? 0) > 0)
      err(
        `${path}.capacityHealth`,
        'must be 0 or left out: since engine 2 (schemaVersion 2) capacity health is reported, not scored; the capacity the debt left at the end will take is counted in net value',
      );
  for (const [metric, a] of Object.entries(s.scoring.anchors ?? {})) {
    if (a && a.best < a.floor) err(`scoring.anchors.${metric}`, 'best must not be below floor');
    if (a?.ceiling !== undefined && a.ceiling < a.best)
      err(`scoring.anchors.${metric}`, 'ceiling must not be below best');
  }
  if (s.par) {
    s.par.plan.slots.forEach((slotIds, i) =>
      slotIds.forEach((id, j) => {
        if (!itemIds.has(id)) err(`par.plan.slots[${i}][${j}]`, `unknown item "${id}"`);
      }),
    );
  }

  const totalCapacity = Array.isArray(s.team.capacity)
    ? s.team.capacity.reduce((a, b) => a + b, 0) * (s.team.capacity.length === 1 ? slots : 1)
    : s.team.capacity * slots;
  if (totalCapacity <= 0)
    warnings.push({ path: 'team.capacity', message: 'the team has no capacity at all' });
  return { errors, warnings };
}

/** "1 value", "3 values". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
