import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

const root = join(import.meta.dirname, '..', '..');
const tutorial = join(root, 'scenarios', 'tutorial.json');
const dir = mkdtempSync(join(tmpdir(), 'dojo-cli-'));
const planPath = join(dir, 'plan.json');
writeFileSync(
  planPath,
  JSON.stringify({ slots: [['patch-login', 'csv-export'], ['read-replica']] }),
);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('dojo command line', () => {
  it('validates shipped scenarios with exit code 0', async () => {
    const r = await run('validate', tutorial, join(root, 'scenarios', 'big-customer.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓');
  });

  it('rejects a broken scenario with the field path on stderr and exit code 1', async () => {
    const broken = join(dir, 'broken.json');
    const raw = JSON.parse(execFileSync('cat', [tutorial], { encoding: 'utf8' }));
    raw.items[2].effort = 0;
    writeFileSync(broken, JSON.stringify(raw));
    const r = await run('validate', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('items[2].effort: must be a positive number');
  });

  it('scores a plan: score, metrics and per-slot trace', async () => {
    const r = await run('score', tutorial, planPath);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Score \d+\.\d \(expected run/);
    expect(r.stdout).toContain('Net value');
    expect(r.stdout).toMatch(/^Q2 /m);
  });

  it('states net value beside the grade, both from the expected run, in text and JSON', async () => {
    const json = JSON.parse((await run('score', tutorial, planPath, '--json')).stdout) as {
      score: number;
      netValue: number;
      expected: { score: number; ledger: Record<string, number> };
    };
    const l = json.expected.ledger;
    // Net value is the ledger's sum: revenue less every loss, plus a year of ending ARR, less what
    // the debt left, the breach risk left open and demand over capacity will cost in that year.
    const summed =
      l.revenue! -
      l.outage! -
      l.overload! -
      l.breach! -
      l.fines! -
      l.fees! -
      l.cascade! +
      l.terminal! -
      l.debtCarry! -
      l.openRisk! -
      l.overloadAhead!;
    // The tutorial's plan leaves the login CVE open: its risk is a line of its own.
    expect(l.openRisk).toBeGreaterThan(0);
    expect(json.netValue).toBeCloseTo(summed, 6);
    expect(json.score).toBe(json.expected.score);
    const text = (await run('score', tutorial, planPath)).stdout;
    const millions = (json.netValue / 1e6).toFixed(2);
    expect(text).toContain(`Score ${json.score.toFixed(1)} (expected run`);
    expect(text).toMatch(new RegExp(`^Net value \\$${millions.replace('.', '\\.')}M \\(`, 'm'));
  });

  it('reports a plan with an unknown item as invalid input', async () => {
    const bad = join(dir, 'bad-plan.json');
    writeFileSync(bad, JSON.stringify({ slots: [['nope'], []] }));
    const r = await run('score', tutorial, bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan.slots[0][0]: unknown item "nope"');
  });

  it('uses exit code 2 for usage errors', async () => {
    expect((await run('score', tutorial)).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('score', tutorial, planPath, '--seed', 'x')).code).toBe(2);
    expect((await run('lenses', tutorial, '--bogus')).code).toBe(2);
  });

  it('prints lenses and strategies as tables and as JSON', async () => {
    const lenses = await run('lenses', tutorial);
    expect(lenses.stdout).toContain('WSJF');
    const strategies = JSON.parse((await run('strategies', tutorial, '--json')).stdout) as {
      id: string;
      score: number;
    }[];
    expect(strategies.map((s) => s.id)).toContain('rice');
    expect(strategies.every((s) => s.score >= 0 && s.score <= 100)).toBe(true);
  });

  it('runs as a real process with byte-identical --json output for the same seed', () => {
    const args = [
      join(root, 'bin', 'dojo.mjs'),
      'score',
      tutorial,
      planPath,
      '--seed',
      '42',
      '--json',
    ];
    const a = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const b = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
    const parsed = JSON.parse(a.stdout) as {
      expected: { score: number };
      seeded: { seed: number };
    };
    expect(parsed.seeded.seed).toBe(42);
  });
});

describe('dojo par, debrief and seeds', () => {
  const big = join(root, 'scenarios', 'big-customer.json');
  const late = join(dir, 'late-patch.json');
  writeFileSync(
    late,
    JSON.stringify({
      slots: [
        ['dark-mode', 'ai-assistant'],
        ['user-model', 'sso', 'bulk-edit'],
        ['patch-pdf'],
        ['db-migration'],
      ],
    }),
  );

  it('prints the baked par and its score', async () => {
    const r = await run('par', big);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Par for Big customer vs the database: \d+\.\d, net value \$[\d.]+M \(baked into the scenario file\)/,
    );
  });

  it('explains a late patch first, as readable text', async () => {
    const r = await run('debrief', big, late, '--seed', '4');
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n').find((l) => l.startsWith('1. '))!;
    expect(first).toMatch(/^1\. Because Patch the PDF library CVE was deferred to Q3 \(par: Q1\)/);
    expect(first).toMatch(/Breach probability in Q\d was [\d.]+% \(would have been [\d.]+%\)/);
    expect(r.stdout).toContain('Stakeholders:');
  });

  it('summarizes many seeds for the plan and par', async () => {
    const r = await run('seeds', big, late, '--n', '200', '--json');
    const out = JSON.parse(r.stdout) as {
      runs: number;
      plan: { p10: number; p50: number };
      par: { p10: number };
    };
    expect(out.runs).toBe(200);
    expect(out.par.p10).toBeGreaterThan(out.plan.p50);
    expect((await run('seeds', big, late, '--n', '0')).code).toBe(2);
  });
});

describe('dojo reading its inputs', () => {
  it('stops reading an endless file at the size limit, with a message (`validate /dev/zero`)', async () => {
    // Before the limit was checked while reading, this read the whole device and never returned.
    const r = await run('validate', '/dev/zero');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/dev/zero is too large (more than 8.0 MB)');
  });

  it('refuses an oversized regular file before reading it', () => {
    const big = join(dir, 'huge.json');
    writeFileSync(big, ' '.repeat(2048));
    expect(() => readText(big, 1024)).toThrow(/huge\.json is too large \(0\.0 MB\)/);
    expect(readText(big, 4096)).toHaveLength(2048);
  });

  it('accepts a UTF-8 byte order mark, as the browser does', async () => {
    const withBom = join(dir, 'bom.json');
    writeFileSync(withBom, `\uFEFF${readFileSync(tutorial, 'utf8')}`);
    const r = await run('validate', withBom);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('`validate scenarios/*.json` passes: the published JSON Schema is recognised and skipped', async () => {
    const files = readdirSync(join(root, 'scenarios'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(root, 'scenarios', f));
    expect(files.some((f) => f.endsWith('schema.json'))).toBe(true);
    const r = await run('validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /– .*schema\.json: the JSON Schema of scenario files, not a scenario \(skipped\)/,
    );
    const json = JSON.parse((await run('validate', ...files, '--json')).stdout) as {
      ok: boolean;
      skipped?: string;
    }[];
    expect(json.filter((f) => f.skipped)).toHaveLength(1);
    expect(json.every((f) => f.ok)).toBe(true);
  });
});
