/**
 * A large backlog for the Model 2 issue's scale target (item 10): a team modelling its real
 * backlog of 150 items over a year of 26 sprints. Built from `platform-sprints` (a sprint
 * scenario): its 18 items repeated with numbered ids and titles (each copy's prerequisites are
 * its own copy's), its capacity, seasonality and KTLO pattern repeated over the sprints, and no
 * baked par or anchors, as a team's own file would arrive. Used by `npm run bench` and the
 * large-backlog tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const source = join(import.meta.dirname, '..', '..', 'scenarios', 'platform-sprints.json');

interface RawItem {
  id: string;
  title: string;
  dependsOn?: string[];
  [key: string]: unknown;
}

/** The scenario file's text: `items` items over `slots` sprints. */
export function largeBacklogText(items = 150, slots = 26): string {
  const raw = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown> & {
    items: RawItem[];
    time: { labels: string[] };
    team: { capacity: number[] };
    demand: { seasonality: number[] };
    scoring?: Record<string, unknown>;
  };
  const copyId = (id: string, copy: number) => (copy === 0 ? id : `${id}-${copy + 1}`);
  const out: RawItem[] = [];
  for (let i = 0; out.length < items; i++) {
    const item = raw.items[i % raw.items.length]!;
    const copy = Math.floor(i / raw.items.length);
    out.push({
      ...item,
      id: copyId(item.id, copy),
      title: copy === 0 ? item.title : `${item.title} (${copy + 1})`,
      ...(item.dependsOn ? { dependsOn: item.dependsOn.map((id) => copyId(id, copy)) } : {}),
    });
  }
  // A prerequisite whose copy did not make the cut is dropped with it.
  const ids = new Set(out.map((item) => item.id));
  for (const item of out)
    if (item.dependsOn) item.dependsOn = item.dependsOn.filter((id) => ids.has(id));
  const labels = Array.from({ length: slots }, (_, i) => `Sprint ${i + 1}`);
  const repeat = <T>(values: readonly T[]) => labels.map((_, i) => values[i % values.length]!);
  const { par: _par, scoring, ...rest } = raw;
  const { anchors: _anchors, ...scoringRest } = scoring ?? {};
  return JSON.stringify({
    ...rest,
    id: 'large-backlog',
    title: `A year of sprints: ${items} items`,
    time: { ...raw.time, labels },
    // Four times the source's sprint capacity: a team of about 30 (the source's is 7 or 8).
    team: { ...raw.team, capacity: repeat(raw.team.capacity).map((points) => points * 4) },
    demand: { ...raw.demand, seasonality: repeat(raw.demand.seasonality) },
    ...(scoring ? { scoring: scoringRest } : {}),
    items: out,
  });
}
