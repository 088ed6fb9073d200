/**
 * Measures share links for the largest shipped scenario (the one with the most items): every
 * visible item planned, (1) the plan alone, (2) the plan with a rationale note on every item,
 * (3) the plan with the scenario embedded (what an imported scenario's link carries), without and
 * with the notes. Each link is decoded again to prove it opens, and checked against the QR-code
 * limit the share dialog uses.
 *
 * Run with `npx tsx scripts/measure-share.ts` (add `--json` for machines). The origin in the
 * measured links is a typical GitHub Pages address; the token is what varies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadScenario, type Plan, type Scenario } from '../src/engine/index.ts';
import { QR_MAX_VERSION, qrMatrix } from '../src/components/qr.ts';
import { appUrl } from '../src/components/browser.ts';

import { decodeShare, encodeShare } from '../src/engine/share.ts';

const dir = join(import.meta.dirname, '..', 'scenarios');
const ORIGIN_AND_PATH = 'https://example-org.github.io/roadmap-dojo/';

function loadAll(): { file: string; scenario: Scenario }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort()
    .map((file) => {
      const result = loadScenario(readFileSync(join(dir, file), 'utf8'));
      if (!result.ok) throw new Error(`${file} does not load: ${result.issues[0]?.message}`);
      return { file, scenario: result.scenario };
    });
}

/** Every visible item, spread round-robin over the slots (item order as in the file). */
function fullPlan(scenario: Scenario): Plan {
  const slots: string[][] = scenario.time.labels.map(() => []);
  scenario.items
    .filter((item) => !item.injected)
    .forEach((item, i) => slots[i % slots.length]!.push(item.id));
  return { slots };
}

/** A plausible decision-journal entry (about 280 characters) per item. */
function notesFor(scenario: Scenario): Record<string, string> {
  return Object.fromEntries(
    scenario.items
      .filter((item) => !item.injected)
      .map((item) => [
        item.id,
        `${item.title}: planned here because the stakeholder ask lands before the deadline, the ` +
          `capacity is there after debt paydown, and waiting a quarter costs more than it saves. ` +
          `Revisit if the audit date moves or the team loses a person.`,
      ]),
  );
}

const all = loadAll();
const largest = all.reduce((best, next) =>
  next.scenario.items.length > best.scenario.items.length ? next : best,
);
const { scenario } = largest;
const plan = fullPlan(scenario);
const notes = notesFor(scenario);
const find = (id: string) => (id === scenario.id ? scenario : undefined);

const cases = [
  { name: 'plan only', token: encodeShare({ scenario, plan, name: 'Plan A' }) },
  { name: 'plan + notes', token: encodeShare({ scenario, plan, name: 'Plan A', notes }) },
  {
    name: 'plan + scenario',
    token: encodeShare({ scenario, plan, name: 'Plan A', includeScenario: true }),
  },
  {
    name: 'plan + notes + scenario',
    token: encodeShare({ scenario, plan, name: 'Plan A', notes, includeScenario: true }),
  },
].map(({ name, token }) => {
  const url = appUrl(`/share/${token}`, ORIGIN_AND_PATH);
  // The embedded-scenario link must open without the scenario being known to the app.
  const decoded = decodeShare(token, name.includes('scenario') ? () => undefined : find);
  const qr = qrMatrix(url);
  return {
    case: name,
    tokenChars: token.length,
    urlChars: url.length,
    opens: decoded.ok,
    qr: qr
      ? `version ${qr.version} (${qr.size}×${qr.size})`
      : `too long (> version ${QR_MAX_VERSION})`,
  };
});

const report = {
  scenario: largest.file,
  items: scenario.items.filter((i) => !i.injected).length,
  slots: scenario.time.labels.length,
  notesChars: Object.values(notes).reduce((sum, text) => sum + text.length, 0),
  scenarioFileChars: readFileSync(join(dir, largest.file), 'utf8').length,
  cases,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(
    `Largest scenario: ${report.scenario} (${report.items} items, ${report.slots} slots; file ${report.scenarioFileChars} chars); notes total ${report.notesChars} chars`,
  );
  console.table(cases);
}
if (cases.some((c) => !c.opens)) {
  console.error('A measured link does not open.');
  process.exitCode = 1;
}
