import { describe, expect, it } from 'vitest';

import { loadScenario } from '../../../src/engine';
import { decodeShare } from '../../../src/engine/share';
import {
  fileSlug,
  planFileName,
  planFileText,
  readPlanFileFor,
  scenarioFileText,
} from '../../../src/features/share/files';
import { QR_MAX_CHARS, qrMatrix, qrPath } from '../../../src/components/qr';
import { shareUrl } from '../../../src/features/share/shareLink';
import { shippedScenario } from '../../store/helpers';

const big = shippedScenario('big-customer');
const [a, b] = big.items.filter((i) => !i.injected);
const asFile = (text: string) => ({ size: text.length, text: () => Promise.resolve(text) });

describe('plan and scenario files', () => {
  it('a plan file made in a workshop names the team (and only then)', () => {
    const plan = { slots: big.time.labels.map(() => []) };
    const variant = { name: 'Plan A', plan, notes: {} };
    expect(JSON.parse(planFileText(big, variant, '  Team Red '))).toMatchObject({
      name: 'Plan A',
      team: 'Team Red',
    });
    expect(JSON.parse(planFileText(big, variant))).not.toHaveProperty('team');
  });

  it('a plan file round-trips: plan, name and notes', async () => {
    const plan = { slots: big.time.labels.map((_, s) => (s === 0 ? [a!.id, b!.id] : [])) };
    const text = planFileText(big, { name: 'Team Red', plan, notes: { [a!.id]: 'first' } });
    expect(await readPlanFileFor(big, asFile(text))).toEqual({
      ok: true,
      name: 'Team Red',
      plan,
      notes: { [a!.id]: 'first' },
    });
    expect(planFileName(big, 'Team Red: Q1 bet!')).toBe('big-customer.team-red-q1-bet.plan.json');
    expect(fileSlug('???')).toBe('plan');
  });

  it('a broken plan file comes back as issues, never a throw', async () => {
    expect(await readPlanFileFor(big, asFile('{ nope'))).toMatchObject({
      ok: false,
      issues: [{ path: '(file)', message: expect.stringMatching(/^is not valid JSON/) }],
    });
    const huge = { size: 10_000_000, text: () => Promise.reject(new Error('unreachable')) };
    expect(await readPlanFileFor(big, huge)).toMatchObject({
      ok: false,
      issues: [{ path: '(file)', message: expect.stringMatching(/^is too large/) }],
    });
  });

  it('a scenario file loads back as the same scenario', () => {
    const loaded = loadScenario(scenarioFileText(big));
    expect(loaded.ok && loaded.scenario).toEqual(big);
  });
});

describe('share links and QR codes', () => {
  it('builds the link from the page address, replacing any route', () => {
    expect(shareUrl('https://x.org/dojo/#/s/a/plan', 'p1.abc')).toBe(
      'https://x.org/dojo/#/share/p1.abc',
    );
    expect(shareUrl('file:///home/me/dojo/index.html', 'p1.abc')).toBe(
      'file:///home/me/dojo/index.html#/share/p1.abc',
    );
    expect(decodeShare(shareUrl('https://x.org/', 'p1.abc').split('#')[1]!, () => big).ok).toBe(
      false,
    );
  });

  it('draws every dark module and refuses links past the QR limit', () => {
    const matrix = qrMatrix('https://x.org/#/share/p1.abc')!;
    const dark = matrix.rows.flat().filter(Boolean).length;
    const drawn = [...qrPath(matrix).matchAll(/h(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(drawn).toBe(dark);
    expect(qrMatrix('x'.repeat(QR_MAX_CHARS))?.version).toBe(30);
    expect(qrMatrix('x'.repeat(QR_MAX_CHARS + 1))).toBeNull();
  });
});
