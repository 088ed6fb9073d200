/**
 * Par's plan beside yours, slot by slot, read-only, with the differences marked in words and
 * shapes (not colour alone): only in your plan, only in par, or in another slot.
 */
import { ITEM_TYPE_LABELS } from '../../explain/advice';
import type { Plan, Scenario } from '../../engine';
import { planDiff, type DiffEntry } from './planDiff';
import { ScrollRegion } from './ScrollRegion';

const slotName = (scenario: Scenario, slot: number | null) =>
  slot === null ? 'left out' : (scenario.time.labels[slot] ?? `slot ${slot + 1}`);

function Card({
  scenario,
  entry,
  side,
}: {
  scenario: Scenario;
  entry: DiffEntry;
  side: 'yours' | 'par';
}) {
  const mark =
    entry.kind === 'only-yours'
      ? 'Only in your plan'
      : entry.kind === 'only-theirs'
        ? 'Only in par'
        : entry.kind === 'moved'
          ? side === 'yours'
            ? `Par: ${slotName(scenario, entry.theirSlot)}`
            : `Yours: ${slotName(scenario, entry.yourSlot)}`
          : null;
  return (
    <li className={`mini-card type-${entry.type} diff-${entry.kind}`} data-item-id={entry.id}>
      <span className="mini-card-type">{ITEM_TYPE_LABELS[entry.type]}</span>
      <span className="mini-card-title">{entry.title}</span>
      {mark && <span className="diff-mark">{mark}</span>}
    </li>
  );
}

export function ParBoard({
  scenario,
  yours,
  par,
  parLabel,
}: {
  scenario: Scenario;
  yours: Plan;
  par: Plan;
  parLabel: string;
}) {
  const diff = planDiff(scenario, yours, par);
  const { counts } = diff;
  return (
    <div className="par-board" data-testid="par-board">
      <p>
        {counts.same} {counts.same === 1 ? 'item sits' : 'items sit'} in the same slot in both
        plans; {counts.moved} in another slot; {counts['only-yours']} only in yours;{' '}
        {counts['only-theirs']} only in {parLabel.toLowerCase()}.
      </p>
      <ScrollRegion label={`Your plan and ${parLabel.toLowerCase()}’s, slot by slot`}>
        <table className="par-board-table">
          <caption className="visually-hidden">
            Your plan and {parLabel.toLowerCase()} slot by slot
          </caption>
          <colgroup>
            <col className="slot-col" />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Slot</th>
              <th scope="col">Your plan</th>
              <th scope="col">{parLabel}</th>
            </tr>
          </thead>
          <tbody>
            {diff.slots.map((slot) => (
              <tr key={slot.label}>
                <th scope="row">{slot.label}</th>
                <td>
                  {slot.yours.length === 0 ? (
                    <p className="muted small">Nothing planned</p>
                  ) : (
                    <ul className="mini-cards">
                      {slot.yours.map((e) => (
                        <Card key={e.id} scenario={scenario} entry={e} side="yours" />
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {slot.theirs.length === 0 ? (
                    <p className="muted small">Nothing planned</p>
                  ) : (
                    <ul className="mini-cards">
                      {slot.theirs.map((e) => (
                        <Card key={e.id} scenario={scenario} entry={e} side="par" />
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
