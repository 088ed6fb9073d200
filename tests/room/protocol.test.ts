import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import {
  checkControl,
  checkTeam,
  normalizeRoomCode,
  parseDocName,
  parseToken,
  placeOrders,
  readControl,
  readTeam,
  writeControl,
  writePlan,
  writeTeam,
  isRoomCode,
  makeRoomCode,
  type Placement,
} from '../../src/room/protocol';
import type { Plan } from '../../src/engine';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** Plans over `ids` in 4 slots: each item in at most one slot. */
const planArb = fc
  .array(fc.integer({ min: -1, max: 3 }), { minLength: ids.length, maxLength: ids.length })
  .chain((slots) =>
    fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }).map((order) => {
      const plan: Plan = { slots: [[], [], [], []] };
      order.forEach((id) => {
        const slot = slots[ids.indexOf(id)]!;
        if (slot >= 0) plan.slots[slot]!.push(id);
      });
      return plan;
    }),
  );

describe('document names and tokens', () => {
  it('reads back the names it makes and refuses anything else', () => {
    expect(parseDocName('room.ABCDEF.control')).toEqual({ code: 'ABCDEF', kind: 'control' });
    expect(parseDocName('room.ABCDEF.team.tabcdefghij')).toEqual({
      code: 'ABCDEF',
      kind: 'team',
      teamId: 'tabcdefghij',
    });
    // O and 0 are not in the alphabet; team ids are t + 10 characters; no path characters.
    expect(parseDocName('room.ABCDE0.control')).toBeNull();
    expect(parseDocName('room.ABCDEF.team.t1')).toBeNull();
    expect(parseDocName('room.ABCDEF.team.../../x')).toBeNull();
    expect(parseDocName('room.ABCDEF.other')).toBeNull();
  });

  it('normalizes a typed code', () => {
    expect(normalizeRoomCode(' abc-def ')).toBe('ABCDEF');
    expect(isRoomCode(makeRoomCode(() => new Uint8Array([0, 1, 2, 3, 4, 250])))).toBe(true);
  });

  it('accepts only well-formed tokens', () => {
    const secret = 'x'.repeat(24);
    expect(parseToken(JSON.stringify({ v: 1, role: 'facilitator', secret }))).toEqual({
      v: 1,
      role: 'facilitator',
      secret,
    });
    expect(parseToken(JSON.stringify({ v: 1, role: 'facilitator', secret: 'short' }))).toBeNull();
    expect(parseToken(JSON.stringify({ v: 1, role: 'team', secret }))).toBeNull();
    expect(parseToken(JSON.stringify({ v: 1, role: 'admin', secret }))).toBeNull();
    expect(parseToken('not json')).toBeNull();
  });
});

describe('plans in a team document', () => {
  it('reads back exactly the plan it wrote, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(planArb, { minLength: 1, maxLength: 6 }), (plans) => {
        const doc = new Y.Doc();
        for (const plan of plans) {
          writePlan(doc, plan);
          expect(readTeam(doc, 4).plan).toEqual(plan);
        }
      }),
    );
  });

  it('touches only the items that moved', () => {
    const doc = new Y.Doc();
    writePlan(doc, { slots: [['a', 'b', 'c'], ['d'], [], []] });
    let changed: string[] = [];
    doc.getMap('placements').observe((event) => (changed = [...event.keys.keys()]));
    // c moves to the front of Q1: only c gets a new order; a and b keep theirs.
    writePlan(doc, { slots: [['c', 'a', 'b'], ['d'], [], []] });
    expect(changed).toEqual(['c']);
    writePlan(doc, { slots: [['c', 'a', 'b'], [], ['d'], []] });
    expect(changed).toEqual(['d']);
  });

  it('merges two laptops of one team that move different items', () => {
    const one = new Y.Doc();
    writePlan(one, { slots: [['a', 'b'], ['c'], [], []] });
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    writePlan(one, { slots: [['b'], ['c', 'a'], [], []] }); // a to Q2
    writePlan(two, { slots: [['a', 'b'], [], [], ['c']] }); // c to Q4
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(readTeam(one, 4).plan).toEqual({ slots: [['b'], ['a'], [], ['c']] });
    expect(readTeam(two, 4).plan).toEqual(readTeam(one, 4).plan);
  });

  it('keeps committed slots as committed and leaves their items out of later slots', () => {
    const doc = new Y.Doc();
    writePlan(doc, { slots: [['a'], ['b', 'c'], [], []] });
    writeTeam(doc, { committed: [['a', 'd']], name: 'Red' });
    const state = readTeam(doc, 4);
    expect(state.name).toBe('Red');
    expect(state.plan.slots[0]).toEqual(['a', 'd']);
    expect(state.plan.slots[1]).toEqual(['b', 'c']);
  });

  it('renumbers a slot when halving runs out of room', () => {
    const current = new Map<string, Placement>([
      ['a', { slot: 0, order: 1 }],
      ['b', { slot: 0, order: 1 + 1e-12 }],
    ]);
    const next = placeOrders({ slots: [['a', 'c', 'b']] }, current);
    expect([...next.values()].map((p) => p.order)).toEqual([1, 2, 3]);
  });
});

describe('checks the relay applies', () => {
  it('accepts what the app writes', () => {
    const control = new Y.Doc();
    writeControl(control, {
      settings: {
        scenarioId: 'tutorial',
        title: '',
        preset: 'balanced',
        weights: {},
        timerMinutes: 10,
        play: 'rounds',
        hideScores: true,
        visualAlert: true,
        seed: 3,
        parFromHere: false,
      },
      round: 1,
      timer: { running: true, remainingMs: 1000, at: 5 },
      revealed: true,
    });
    expect(checkControl(control)).toEqual([]);
    expect(readControl(control).round).toBe(1);
    const team = new Y.Doc();
    writePlan(team, { slots: [['a'], ['b']] });
    writeTeam(team, { name: 'Blue', committed: [['a']] });
    expect(checkTeam(team, { itemIds: new Set(['a', 'b']), slots: 2 })).toEqual([]);
  });

  it('names what is wrong in a tampered document', () => {
    const control = new Y.Doc();
    control.getMap('room').set('round', -1);
    control.getMap('room').set('admin', true);
    control.getMap('other').set('x', 1);
    const issues = checkControl(control).map((i) => i.path);
    expect(issues).toContain('room.round');
    expect(issues).toContain('room.admin');
    expect(issues).toContain('other');

    const team = new Y.Doc();
    team.getMap('placements').set('zzz', { slot: 0, order: 1 });
    team.getMap('placements').set('a', { slot: 9, order: 1 });
    team.getMap('team').set('name', 'x'.repeat(81));
    const teamIssues = checkTeam(team, { itemIds: new Set(['a']), slots: 4 });
    expect(teamIssues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['placements.zzz', 'placements.a.slot', 'team.name']),
    );
  });
});
