import { describe, expect, it } from 'vitest';

import { simulate } from '../../../src/engine';
import { reasoningRows } from '../../../src/features/debrief/reasoning';
import { big, deferredPatch } from './fixtures';

describe('reasoningRows', () => {
  const outcome = simulate(big, deferredPatch);
  const notes = {
    'patch-pdf': 'The CVE can wait for Q3.',
    'ai-assistant': 'The CEO wants an AI story.',
    'audit-logs': '  ',
    'legacy-reports': 'Nobody uses it.',
  };
  const rows = reasoningRows(big, deferredPatch, notes, outcome);

  it('shows each written note, in scenario order, beside its item', () => {
    const order = big.items
      .map((i) => i.id)
      .filter((id) => id in notes && notes[id as keyof typeof notes].trim());
    expect(rows.map((r) => r.id)).toEqual(order);
    expect(rows.find((r) => r.id === 'patch-pdf')).toMatchObject({
      note: 'The CVE can wait for Q3.',
      planned: `Planned for ${big.time.labels[2]}`,
    });
  });

  it('says whether the item landed on time, late, unfinished or was left out', () => {
    for (const row of rows) {
      const result = outcome.items.find((i) => i.id === row.id)!;
      if (row.verdict === 'left out') expect(result.plannedSlot).toBeNull();
      else if (row.verdict === 'unfinished') expect(result.completedAt).toBeNull();
      else expect(row.result).toMatch(/^Done (early|mid|late) /);
    }
  });
});
