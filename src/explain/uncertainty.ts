/**
 * The words for hidden facts and experiments (docs/model.md, "Hidden facts and experiments"): what
 * a card says is not known yet, what an experiment would show, what was revealed, and what knowing
 * it was worth. The chances an author states are shown; a world's draw only once revealed.
 */
import type { Item, Revealed, Scenario } from '../engine';
import type { Learned } from '../engine/decisions.ts';
import type { EffectBadge } from './advice.ts';
import { andList, formatMoney, formatPercent, slotLabel, slotWord } from './format.ts';

const titleOf = (scenario: Scenario, id: string) =>
  scenario.items.find((i) => i.id === id)?.title ?? id;

/**
 * What is uncertain about an item, first on its card: an experiment names what it would show; an
 * item whose value is hidden says so and what it might turn out to be.
 */
export function uncertaintyBadges(scenario: Scenario, item: Item): EffectBadge[] {
  const badges: EffectBadge[] = [];
  const word = slotWord(scenario);
  if (item.reveals && item.reveals.length > 0)
    badges.push({
      key: 'experiment',
      label: `experiment: tests ${andList(item.reveals.map((id) => titleOf(scenario, id)))}`,
      detail: `An experiment: once done, it shows what ${andList(item.reveals.map((id) => `“${titleOf(scenario, id)}”`))} will really be worth. Played ${word} by ${word}, what it shows appears on those cards from the next ${word}. It ships nothing itself.`,
      tone: 'neutral',
    });
  const outcomes = item.value.outcomes;
  if (outcomes) {
    const tests = scenario.items
      .filter((i) => i.reveals?.includes(item.id))
      .map((i) => `“${i.title}”`);
    const cases = outcomes.map(
      (o) =>
        `${formatMoney(item.value.arr * o.factor)} of ARR${o.label ? ` if ${o.label}` : ''} (${formatPercent(o.chance)} likely)`,
    );
    badges.push({
      key: 'uncertain',
      label: 'value unknown',
      detail: `What it is really worth is not known yet: ${andList(cases, 'or')}. The estimate, ${formatMoney(expectedArr(item))}, is their average. ${tests.length > 0 ? `${andList(tests, 'or')} would show which; so would shipping it.` : 'Shipping it shows which.'}`,
      tone: 'neutral',
    });
  }
  return badges;
}

/** An item's expected ARR at completion: its stated ARR × confidence. */
function expectedArr(item: Item): number {
  return item.value.arr * item.value.confidence;
}

/** A revealed fact on its item's card, e.g. "Revealed: $4.2M ARR (dispatchers adopt it)". */
export function revealedLabel(scenario: Scenario, fact: Revealed): string {
  const item = scenario.items.find((i) => i.id === fact.item);
  const label = item?.value.outcomes?.[fact.outcome]?.label;
  const source = fact.by === fact.item ? 'Shipped' : 'Revealed';
  return `${source}: ${formatMoney(fact.arr)} ARR${label ? ` (${label})` : ''}`;
}

/** The same as a sentence, with the estimate it replaces and when it was learned. */
export function revealedSentence(scenario: Scenario, fact: Revealed): string {
  const item = scenario.items.find((i) => i.id === fact.item);
  const label = item?.value.outcomes?.[fact.outcome]?.label;
  const title = titleOf(scenario, fact.item);
  const estimate = item ? `, not the ${formatMoney(expectedArr(item))} estimated` : '';
  return fact.by === fact.item
    ? `“${title}” shipped in ${slotLabel(scenario, fact.slot)}: it brings ${formatMoney(fact.arr)} of ARR${label ? ` (${label})` : ''}${estimate}.`
    : `“${titleOf(scenario, fact.by)}” in ${slotLabel(scenario, fact.slot)} showed that “${title}” would bring ${formatMoney(fact.arr)} of ARR${label ? ` (${label})` : ''}${estimate}.`;
}

/** "The pilot in Q1 was worth +4.6 points: it showed …" for a commit that learned something. */
export function learnedSentence(scenario: Scenario, slot: number, learned: Learned): string {
  const facts = learned.facts.map((f) => revealedSentence(scenario, f).replace(/\.$/, ''));
  const worth =
    learned.worth >= 0.05
      ? `What you learned in ${slotLabel(scenario, slot)} was worth +${learned.worth.toFixed(1)} points: the best plan from there with it scores ${learned.informedScore.toFixed(1)}, the plan you would have made without it ${learned.blindScore.toFixed(1)}.`
      : `What you learned in ${slotLabel(scenario, slot)} changed no decision: the best plan from there is the same with or without it.`;
  return `${facts.join('; ')}. ${worth}`;
}

/**
 * What was hidden in one world, told after the year: each hidden value as the world drew it,
 * against its estimate, and whether (and how) the year revealed it.
 */
export function hiddenValueLines(
  scenario: Scenario,
  drawn: ReadonlyMap<string, number>,
  revealed: readonly Revealed[],
): string[] {
  return scenario.items.flatMap((item) => {
    const k = drawn.get(item.id);
    const outcome = k === undefined ? undefined : item.value.outcomes?.[k];
    if (!outcome) return [];
    const value = `“${item.title}” was worth ${formatMoney(item.value.arr * outcome.factor)} of ARR in this world${outcome.label ? ` (${outcome.label})` : ''}, against the ${formatMoney(expectedArr(item))} estimated.`;
    const fact = revealed.find((r) => r.item === item.id);
    const how = !fact
      ? 'Nothing revealed it during the year.'
      : fact.by === item.id
        ? `It showed when it shipped in ${slotLabel(scenario, fact.slot)}.`
        : `“${titleOf(scenario, fact.by)}” revealed it in ${slotLabel(scenario, fact.slot)}.`;
    return [`${value} ${how}`];
  });
}
