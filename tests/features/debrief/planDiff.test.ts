import { describe, expect, it } from 'vitest';

import {
  describeChanges,
  disagreementText,
  planDiff,
} from '../../../src/features/debrief/planDiff';
import { big } from './fixtures';

const [Q1, Q2, Q3] = big.time.labels as [string, string, string];
const plan = (...slots: string[][]) => ({ slots: big.time.labels.map((_, i) => slots[i] ?? []) });
const title = (id: string) => big.items.find((i) => i.id === id)!.title;

describe('planDiff', () => {
  const yours = plan(['dark-mode', 'sso'], [], ['patch-pdf']);
  const par = plan(['patch-pdf', 'sso'], ['user-model']);
  const diff = planDiff(big, yours, par);

  it('classifies every item in either plan', () => {
    const kinds = Object.fromEntries(diff.entries.map((e) => [e.id, e.kind]));
    expect(kinds).toEqual({
      'dark-mode': 'only-yours',
      sso: 'same',
      'patch-pdf': 'moved',
      'user-model': 'only-theirs',
    });
    expect(diff.counts).toEqual({ same: 1, moved: 1, 'only-yours': 1, 'only-theirs': 1 });
  });

  it('lays both plans out slot by slot in their own order', () => {
    expect(diff.slots[0]!.yours.map((e) => e.id)).toEqual(['dark-mode', 'sso']);
    expect(diff.slots[0]!.theirs.map((e) => e.id)).toEqual(['patch-pdf', 'sso']);
    expect(diff.slots[2]!.yours[0]).toMatchObject({ id: 'patch-pdf', yourSlot: 2, theirSlot: 0 });
  });

  it('says where a plan disagrees with par', () => {
    expect(disagreementText(big, diff)).toBe(
      `Plans ${title('dark-mode')}, which par leaves out; leaves out ${title('user-model')}; ${title('patch-pdf')} in ${Q3} (par: ${Q1}).`,
    );
    const many = planDiff(big, plan(['dark-mode', 'bulk-edit', 'sso']), par);
    // Lists follow scenario order and name at most `limit` items each.
    const first = (...ids: string[]) => title(big.items.find((i) => ids.includes(i.id))!.id);
    expect(disagreementText(big, many, 1)).toBe(
      `Plans ${first('dark-mode', 'bulk-edit')} and 1 more, which par leaves out; leaves out ${first('patch-pdf', 'user-model')} and 1 more.`,
    );
    expect(disagreementText(big, many, 0)).toBe(
      'Plans 2 items, which par leaves out; leaves out 2 items.',
    );
    expect(disagreementText(big, planDiff(big, par, par))).toBe(
      'Same items in the same slots as par.',
    );
  });
});

describe('describeChanges', () => {
  it('lists moves, additions and removals since the last play', () => {
    const before = plan(['dark-mode'], ['patch-pdf']);
    const after = plan(['patch-pdf'], [], ['sso']);
    const changes = describeChanges(big, before, after);
    expect(changes).toHaveLength(3);
    expect(changes).toEqual(
      expect.arrayContaining([
        `Took ${title('dark-mode')} off the plan (was in ${Q1})`,
        `Moved ${title('patch-pdf')} from ${Q2} to ${Q1}`,
        `Added ${title('sso')} in ${Q3}`,
      ]),
    );
  });

  it('notices a change of order within a slot, and nothing when nothing changed', () => {
    const a = plan(['sso', 'patch-pdf']);
    expect(describeChanges(big, a, plan(['patch-pdf', 'sso']))).toEqual([
      `Changed the order within ${Q1}`,
    ]);
    expect(describeChanges(big, a, a)).toEqual([]);
  });
});
