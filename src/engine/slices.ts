/**
 * MVP slices (docs/model.md, "Slicing a feature").
 *
 * A feature may have an MVP slice: an item of its own with `sliceOf: { item, share }` that
 * delivers `share` of the feature's value for part of its effort. Its value, confidence and
 * urgency come from the feature (the loader fills them in), so both cards always agree.
 *
 * Planned before the feature, the slice splits it: the feature waits for the slice, then is only
 * the rest — its effort less the slice's (`1 − slice effort / feature effort` of its effort) and
 * `1 − share` of its value. Planned after the feature (or alone), nothing changes for the
 * feature; a slice finished after its feature started brings nothing (the feature already
 * covers it), so planning the MVP second only wastes its effort.
 */
import type { Issue } from './issues.ts';
import type { Item, Scenario } from './schema.ts';

/** The MVP slice of each sliced feature: feature id → slice item. */
export function slicesOf(scenario: Scenario): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const item of scenario.items) if (item.sliceOf) out.set(item.sliceOf.item, item);
  return out;
}

/** The value a slice of `parent` takes from it: `share` of its ARR and CSAT, its confidence. */
export function sliceValue(parent: Item, share: number): Item['value'] {
  return {
    arr: parent.value.arr * share,
    confidence: parent.value.confidence,
    csat: parent.value.csat * share,
    ...(parent.value.kano ? { kano: parent.value.kano } : {}),
    mustPenalty: 0,
  };
}

/** The urgency a slice takes from its feature (a deadline's one-off fine stays with the feature). */
export function sliceUrgency(parent: Item): Item['urgency'] {
  return parent.urgency.kind === 'deadline' ? { ...parent.urgency, penalty: 0 } : parent.urgency;
}

/**
 * Checks the scenario's slices: the sliced item exists, is a visible feature and not a slice
 * itself, has one slice, more effort than it; the slice is a visible feature that leaves its value
 * and urgency to the feature. Names each field at fault.
 */
export function checkSlices(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const items = new Map(s.items.map((i) => [i.id, i]));
  const sliceOf = new Map<string, string>();
  s.items.forEach((item, i) => {
    const slice = item.sliceOf;
    if (!slice) return;
    const at = `items[${i}]`;
    const err = (field: string, message: string) =>
      issues.push({ path: `${at}.${field}`, message });
    const parent = items.get(slice.item);
    if (!parent) {
      err('sliceOf.item', `unknown item "${slice.item}"`);
      return;
    }
    if (parent.id === item.id) {
      err('sliceOf.item', 'an item cannot be a slice of itself');
      return;
    }
    if (parent.type !== 'feature')
      err('sliceOf.item', `"${parent.id}" is a ${parent.type} item: only features are sliced`);
    if (parent.sliceOf)
      err('sliceOf.item', `"${parent.id}" is itself a slice: slice the whole feature`);
    if (parent.injected) err('sliceOf.item', `"${parent.id}" only appears with an event`);
    const earlier = sliceOf.get(parent.id);
    if (earlier !== undefined)
      err('sliceOf.item', `"${parent.id}" already has an MVP slice ("${earlier}")`);
    sliceOf.set(parent.id, item.id);
    if (item.type !== 'feature') err('type', 'must be "feature": a slice is part of a feature');
    if (item.injected) err('injected', 'a slice cannot be an injected item');
    if (!(item.effort < parent.effort))
      err(
        'effort',
        `must be less than the effort of "${parent.id}" (${parent.effort} points): the slice is part of it`,
      );
    if (!leftOut(item.value) && !sameJson(item.value, sliceValue(parent, slice.share)))
      err(
        'value',
        `comes from "${parent.id}" (${slice.share} of its value): leave it out of the slice`,
      );
    if (item.urgency.kind !== 'standard' && !sameJson(item.urgency, sliceUrgency(parent)))
      err('urgency', `comes from "${parent.id}": leave it out of the slice`);
    if (item.dependsOn.includes(parent.id))
      err('dependsOn', `cannot include "${parent.id}", the feature it slices`);
    if (parent.dependsOn.includes(item.id))
      err(
        'sliceOf',
        `"${parent.id}" depends on its own slice; leave that out: planning the slice first is what splits the feature`,
      );
  });
  return issues;
}

/** The scenario with each slice's value and urgency taken from its feature (after `checkSlices`). */
export function withSliceValues(s: Scenario): Scenario {
  if (!s.items.some((i) => i.sliceOf)) return s;
  const items = new Map(s.items.map((i) => [i.id, i]));
  return {
    ...s,
    items: s.items.map((item) => {
      const parent = item.sliceOf ? items.get(item.sliceOf.item) : undefined;
      if (!item.sliceOf || !parent) return item;
      return {
        ...item,
        value: sliceValue(parent, item.sliceOf.share),
        urgency: sliceUrgency(parent),
      };
    }),
  };
}

/** A value block with nothing stated (the schema's defaults). */
function leftOut(value: Item['value']): boolean {
  return (
    value.arr === 0 &&
    value.confidence === 1 &&
    value.csat === 0 &&
    value.mustPenalty === 0 &&
    value.kano === undefined &&
    value.outcomes === undefined
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
