/**
 * The one envelope of the app's links, for any kind: bounded, never throwing, and each refusal
 * named. Plan and workshop links have their own tests on top (share.test.ts, workshop.test.ts).
 */
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';

import { encodeLink, openLink, readLink, type LinkKind } from '../../src/engine/link';
import { z } from '../../src/engine/zod';

const schema = z.strictObject({
  n: z.int().check(z.gte(0)),
  note: z._default(z.string().check(z.maxLength(20)), ''),
});

/** A small kind of link, with limits small enough to reach in a test. */
const NOTE: LinkKind<typeof schema> = {
  prefix: 'n',
  version: 2,
  route: /^#?\/?note\//,
  maxChars: 200,
  maxPayloadChars: 100,
  schema,
  name: 'note link',
  newer: (version) => `is from format ${version}`,
  askAgain: 'Ask for it again.',
};

const token = (body: string, version = 2, prefix = 'n') =>
  `${prefix}${version}.${LZString.compressToEncodedURIComponent(body)}`;
const messages = (result: ReturnType<typeof openLink>) => (result.ok ? [] : result.issues);

describe('link envelope', () => {
  it('round-trips a payload, with or without its route in front, and fills defaults', () => {
    const sealed = encodeLink(NOTE, { n: 3 });
    expect(sealed).toMatch(/^n2\./);
    expect(openLink(sealed, NOTE)).toEqual({ ok: true, value: { n: 3, note: '' } });
    expect(openLink(`#/note/${sealed}  `, NOTE)).toEqual({ ok: true, value: { n: 3, note: '' } });
  });

  it('refuses a link longer than the limit before reading it, and says how long it is', () => {
    const long = `n2.${'A'.repeat(NOTE.maxChars - 2)}`;
    expect(long).toHaveLength(NOTE.maxChars + 1);
    expect(messages(openLink(long, NOTE))).toEqual([
      {
        path: '(link)',
        message: `is too long (${NOTE.maxChars + 1} characters) to be a Roadmap Dojo note link`,
      },
    ]);
  });

  it('names another kind of link and text that is no link', () => {
    for (const other of [token('{"n":1}', 2, 'p'), 'hello', '', 'n.abc', 'N2.abc'])
      expect(messages(openLink(other, NOTE))).toEqual([
        { path: '(link)', message: 'is not a Roadmap Dojo note link' },
      ]);
  });

  it('says a link from a newer format is newer, and one from format 0 is damaged', () => {
    expect(messages(openLink(token('{"n":1}', 3), NOTE))).toEqual([
      { path: '(link)', message: 'is from format 3' },
    ]);
    expect(messages(openLink(token('{"n":1}', 0), NOTE))[0]?.message).toMatch(/^is damaged/);
    // Older formats this app still reads open as usual.
    expect(openLink(token('{"n":1}', 1), NOTE).ok).toBe(true);
  });

  it('stops decompressing at the payload limit: a short link that expands is damaged', () => {
    const fits = token(JSON.stringify({ n: 1, note: 'x' }).padEnd(NOTE.maxPayloadChars, ' '));
    expect(openLink(fits, NOTE).ok).toBe(true);
    const bomb = token(`{"n":1}${' '.repeat(NOTE.maxPayloadChars)}`);
    expect(bomb.length).toBeLessThan(NOTE.maxChars);
    expect(messages(openLink(bomb, NOTE))).toEqual([
      {
        path: '(link)',
        message:
          'is damaged or incomplete — it may have been cut off when it was copied. Ask for it again.',
      },
    ]);
  });

  it('calls text that is not JSON damaged, and names each field the schema refuses', () => {
    expect(messages(openLink(token('{"n":'), NOTE))[0]?.message).toMatch(/^is damaged/);
    const refused = messages(openLink(token('{"n":-1,"extra":true}'), NOTE));
    expect(refused.map((i) => i.path).sort()).toEqual(['(link) (file)', '(link) n'].sort());
  });

  it('never throws on junk, and turns a throwing check into an issue', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        const opened = openLink(junk, NOTE);
        expect(opened.ok ? schema.safeParse(opened.value).success : opened.issues.length > 0).toBe(
          true,
        );
      }),
      { numRuns: 1000 },
    );
    const thrown = readLink(encodeLink(NOTE, { n: 1 }), NOTE, () => {
      throw new Error('boom');
    });
    expect(thrown).toEqual({
      ok: false,
      issues: [{ path: '(link)', message: 'could not be read (Error: boom)' }],
    });
  });
});
