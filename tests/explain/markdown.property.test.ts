/**
 * `escapeMarkdown` against a real CommonMark (GitHub-flavoured) renderer: whatever a team name, a
 * note or a sentence holds, it renders as exactly that text — no emphasis, code, link, image,
 * heading, list, quote, rule, HTML or entity — and a backslash appears only where one is needed.
 */
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';

import { escapeMarkdown } from '../../src/explain/report.ts';
import { cases, propertyTimeout } from '../support/depth.ts';

const COUNT = cases(10_000, 1_000);

/** Text as the renderer writes it into HTML. */
function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Every character with a meaning somewhere in Markdown, a few letters, digits and spaces. No
// "w", ":" or "@": the renderer links bare addresses by itself (GitHub does too), which is not
// markup coming from the text.
const markdownish = fc.constantFrom(
  ...'\\`*_{}[]()#+-.!|<>~=&;"\' abc123'.split(''),
  '&amp;',
  '&#42;',
  '](x)',
  '<b>',
  '1. ',
  '- ',
  '> ',
  '# ',
  '```',
  '---',
  '***',
  '![a](b)',
);
const line = fc
  .array(markdownish, { minLength: 1, maxLength: 14 })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim().length > 0);

describe('escapeMarkdown', () => {
  it(
    'renders one line of any text as a paragraph of exactly that text',
    () => {
      fc.assert(
        fc.property(line, (text) => {
          const rendered = marked.parse(escapeMarkdown(text), { async: false });
          expect(rendered).toBe(`<p>${html(text.trim())}</p>\n`);
        }),
        { numRuns: COUNT },
      );
    },
    propertyTimeout(COUNT, 2),
  );

  it(
    'keeps each line of a note a line of text, whatever it starts with',
    () => {
      fc.assert(
        fc.property(fc.array(line, { minLength: 2, maxLength: 4 }), (lines) => {
          const rendered = marked.parse(escapeMarkdown(lines.join('\n')), { async: false });
          // Spaces around a line break are layout, not text (two of them even make a <br>).
          const layout = (h: string) => h.replace(/[ \t]*(<br>\n?|\n)[ \t]*/g, '\n');
          expect(layout(rendered)).toBe(layout(`<p>${html(lines.join('\n').trim())}</p>\n`));
        }),
        { numRuns: COUNT },
      );
    },
    propertyTimeout(COUNT, 2),
  );

  it('adds no backslash to plain sentences', () => {
    for (const text of [
      'Thank you!',
      'Patch the uploader (par: Q2).',
      'ARR > $1M, 20% of it {new}.',
      'Q1 + Q2 = a half-year #goals',
      'Ship 1.5 features.',
    ])
      expect(escapeMarkdown(text)).toBe(text);
  });

  it('escapes what would start markup', () => {
    expect(escapeMarkdown('# heading\n1. list\n2) list\n> quote\n- item\n+ item\n===')).toBe(
      '\\# heading\n1\\. list\n2\\) list\n\\> quote\n\\- item\n\\+ item\n\\===',
    );
    expect(escapeMarkdown('*a* _b_ `c` [d](e) ![f](g) <b> a|b ~~s~~ &amp; \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) !\\[f\\](g) \\<b> a\\|b \\~\\~s\\~\\~ \\&amp; \\\\',
    );
  });
});
