/**
 * The words for hidden facts and experiments (docs/model.md, "Hidden facts and experiments"): what
 * a card says is not known yet, what an experiment would show, what was revealed, and what knowing
 * it was worth. The chances an author states are shown; a world's draw only once revealed.
 */
import { effortKey, likelihoodKey, type Item, type Revealed, type Scenario } from '../engine';
import type { Learned } from '../engine/decisions.ts';
import type { EffectBadge } from './advice.ts';
import { andList, formatMoney, formatPercent, pointsText, slotLabel, slotWord } from './format.ts';

/** An item's title, or a threat's (an experiment may test how likely a threat is). */
const titleOf = (scenario: Scenario, id: string) =>
  scenario.items.find((i) => i.id === id)?.title ?? threatOf(scenario, id)?.title ?? id;

const threatOf = (scenario: Scenario, id: string) =>
  scenario.security?.threats.find((x) => x.id === id);

const perYearText = (q: number) => `${formatPercent(q)} a year`;

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
      detail: `An experiment: once done, it shows what ${andList(item.reveals.map((id) => `“${titleOf(scenario, id)}”`))} will really ${revealsWhat(scenario, item.reveals)}. Played ${word} by ${word}, what it shows appears on those cards from the next ${word}. It ships nothing itself.`,
      tone: 'neutral',
    });
  const outcomes = item.value.outcomes;
  if (outcomes) {
    const tests = testsOf(scenario, item.id);
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
  const efforts = item.effortOutcomes;
  if (efforts) {
    const tests = testsOf(scenario, item.id);
    const cases = efforts.map(
      (o) =>
        `${pointsText(o.effort)}${o.label ? ` if ${o.label}` : ''} (${formatPercent(o.chance)} likely)`,
    );
    badges.push({
      key: 'uncertain-effort',
      label: 'size unknown',
      detail: `Its real size is not known yet: ${andList(cases, 'or')}. The estimate, ${pointsText(item.effort)}, is their average. ${tests.length > 0 ? `${andList(tests, 'or')} would show which; so would starting it (by the end of the ${word} it starts in).` : `Starting it shows which, by the end of the ${word} it starts in.`}`,
      tone: 'neutral',
    });
  }
  for (const threat of scenario.security?.threats ?? []) {
    const likelihoods = threat.likelihoodOutcomes;
    if (!likelihoods || !threat.controls.some((ctl) => ctl.item === item.id)) continue;
    const tests = testsOf(scenario, threat.id);
    const cases = likelihoods.map(
      (o) =>
        `${perYearText(o.perYear)}${o.label ? ` if ${o.label}` : ''} (${formatPercent(o.chance)} likely)`,
    );
    badges.push({
      key: 'uncertain-likelihood',
      label: 'risk unknown',
      detail: `The real chance of “${threat.title}” is not known yet: ${andList(cases, 'or')}. The estimate, ${perYearText(threat.perYear)}, is their average. ${tests.length > 0 ? `${andList(tests, 'or')} would show which.` : 'Nothing in the backlog would show which.'}`,
      tone: 'neutral',
    });
    break;
  }
  return badges;
}

/** The experiments that would reveal an item's (or a threat's) hidden facts, as quoted titles. */
function testsOf(scenario: Scenario, id: string): string[] {
  return scenario.items.filter((i) => i.reveals?.includes(id)).map((i) => `“${i.title}”`);
}

/** What an experiment's targets will show: their worth, their size, or both. */
function revealsWhat(scenario: Scenario, ids: readonly string[]): string {
  const targets = scenario.items.filter((i) => ids.includes(i.id));
  const value = targets.some((i) => i.value.outcomes);
  const size = targets.some((i) => i.effortOutcomes);
  if (targets.length === 0) return 'be'; // threats only: "will really be" (how likely)
  return value && size ? 'be worth and how big it will be' : size ? 'cost' : 'be worth';
}

/** An item's expected ARR at completion: its stated ARR × confidence. */
function expectedArr(item: Item): number {
  return item.value.arr * item.value.confidence;
}

/** A revealed fact on its item's card, e.g. "Revealed: $4.2M ARR (dispatchers adopt it)". */
export function revealedLabel(scenario: Scenario, fact: Revealed): string {
  if (fact.kind === 'likelihood') {
    const threat = threatOf(scenario, fact.item);
    const label = threat?.likelihoodOutcomes?.[fact.outcome]?.label;
    return `Revealed: ${threat?.title ?? fact.item} ${perYearText(fact.perYear)}${label ? ` (${label})` : ''}`;
  }
  const item = scenario.items.find((i) => i.id === fact.item);
  if (fact.kind === 'effort') {
    const label = item?.effortOutcomes?.[fact.outcome]?.label;
    const source = fact.by === fact.item ? 'Started' : 'Revealed';
    return `${source}: ${pointsText(fact.effort)}${label ? ` (${label})` : ''}`;
  }
  const label = item?.value.outcomes?.[fact.outcome]?.label;
  const source = fact.by === fact.item ? 'Shipped' : 'Revealed';
  return `${source}: ${formatMoney(fact.arr)} ARR${label ? ` (${label})` : ''}`;
}

/** The same as a sentence, with the estimate it replaces and when it was learned. */
export function revealedSentence(scenario: Scenario, fact: Revealed): string {
  const item = scenario.items.find((i) => i.id === fact.item);
  const title = titleOf(scenario, fact.item);
  if (fact.kind === 'likelihood') {
    const threat = threatOf(scenario, fact.item);
    const label = threat?.likelihoodOutcomes?.[fact.outcome]?.label;
    return `“${titleOf(scenario, fact.by)}” in ${slotLabel(scenario, fact.slot)} showed that “${title}” has a ${formatPercent(fact.perYear)} chance a year${label ? ` (${label})` : ''}${threat ? `, not the ${formatPercent(threat.perYear)} estimated` : ''}.`;
  }
  if (fact.kind === 'effort') {
    const label = item?.effortOutcomes?.[fact.outcome]?.label;
    const size = `${pointsText(fact.effort)}${label ? ` (${label})` : ''}${item ? `, not the ${pointsText(item.effort)} estimated` : ''}`;
    return fact.by === fact.item
      ? `Work on “${title}” in ${slotLabel(scenario, fact.slot)} showed its size: ${size}.`
      : `“${titleOf(scenario, fact.by)}” in ${slotLabel(scenario, fact.slot)} showed that “${title}” is ${size}.`;
  }
  const label = item?.value.outcomes?.[fact.outcome]?.label;
  const estimate = item ? `, not the ${formatMoney(expectedArr(item))} estimated` : '';
  return fact.by === fact.item
    ? `“${title}” shipped in ${slotLabel(scenario, fact.slot)}: it brings ${formatMoney(fact.arr)} of ARR${label ? ` (${label})` : ''}${estimate}.`
    : `“${titleOf(scenario, fact.by)}” in ${slotLabel(scenario, fact.slot)} showed that “${title}” would bring ${formatMoney(fact.arr)} of ARR${label ? ` (${label})` : ''}${estimate}.`;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** "The pilot in Q1 was worth +4.6 points: it showed …" for a commit that learned something. */
export function learnedSentence(scenario: Scenario, slot: number, learned: Learned): string {
  const facts = learned.facts.map((f) => revealedSentence(scenario, f).replace(/\.$/, ''));
  const worth =
    learned.worth >= 0.05
      ? `What you learned in ${slotLabel(scenario, slot)} was worth +${learned.worth.toFixed(1)} points: the best plan from there with it scores ${learned.informedScore.toFixed(1)}, the plan you would have made without it ${learned.blindScore.toFixed(1)}.`
      : sameList(learned.informedNext, learned.blindNext)
        ? `What you learned in ${slotLabel(scenario, slot)} changed no decision: the best plan from there is the same with or without it.`
        : // A kind world can top both plans out at 100: what comes next changes, the score cannot.
          `What you learned in ${slotLabel(scenario, slot)} changed what comes next but not the score: the best plan from there with it and the plan you would have made without it both score ${learned.blindScore.toFixed(1)}.`;
  return `${facts.join('; ')}. ${worth}`;
}

/**
 * What was hidden in one world, told after the year: each hidden value and size as the world drew
 * it, against its estimate, and whether (and how) the year revealed it.
 */
export function hiddenValueLines(
  scenario: Scenario,
  drawn: ReadonlyMap<string, number>,
  revealed: readonly Revealed[],
): string[] {
  return scenario.items
    .flatMap((item) => {
      const lines: string[] = [];
      const k = drawn.get(item.id);
      const outcome = k === undefined ? undefined : item.value.outcomes?.[k];
      if (outcome) {
        const value = `“${item.title}” was worth ${formatMoney(item.value.arr * outcome.factor)} of ARR in this world${outcome.label ? ` (${outcome.label})` : ''}, against the ${formatMoney(expectedArr(item))} estimated.`;
        const fact = revealed.find((r) => r.item === item.id && r.kind === undefined);
        const how = !fact
          ? 'Nothing revealed it during the year.'
          : fact.by === item.id
            ? `It showed when it shipped in ${slotLabel(scenario, fact.slot)}.`
            : `“${titleOf(scenario, fact.by)}” revealed it in ${slotLabel(scenario, fact.slot)}.`;
        lines.push(`${value} ${how}`);
      }
      const e = drawn.get(effortKey(item.id));
      const size = e === undefined ? undefined : item.effortOutcomes?.[e];
      if (size) {
        const value = `“${item.title}” was ${pointsText(size.effort)} of work in this world${size.label ? ` (${size.label})` : ''}, against the ${pointsText(item.effort)} estimated.`;
        const fact = revealed.find((r) => r.item === item.id && r.kind === 'effort');
        const how = !fact
          ? 'Nothing revealed it during the year.'
          : fact.by === item.id
            ? `It showed once work on it started, in ${slotLabel(scenario, fact.slot)}.`
            : `“${titleOf(scenario, fact.by)}” revealed it in ${slotLabel(scenario, fact.slot)}.`;
        lines.push(`${value} ${how}`);
      }
      return lines;
    })
    .concat(
      (scenario.security?.threats ?? []).flatMap((threat) => {
        const k = drawn.get(likelihoodKey(threat.id));
        const outcome = k === undefined ? undefined : threat.likelihoodOutcomes?.[k];
        if (!outcome) return [];
        const value = `“${threat.title}” had a ${formatPercent(outcome.perYear)} chance a year in this world${outcome.label ? ` (${outcome.label})` : ''}, against the ${formatPercent(threat.perYear)} estimated.`;
        const fact = revealed.find((r) => r.item === threat.id && r.kind === 'likelihood');
        const how = fact
          ? `“${titleOf(scenario, fact.by)}” revealed it in ${slotLabel(scenario, fact.slot)}.`
          : 'Nothing revealed it during the year.';
        return [`${value} ${how}`];
      }),
    );
}
