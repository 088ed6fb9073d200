/**
 * One source for the security headers: public/_headers, the build's meta tag and the documented
 * equivalents for other hosts all say what src/security/headers.ts says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  headersFileText,
} from '../../src/security/headers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The headers a `_headers` file sends for `/*` (Netlify and Cloudflare Pages syntax). */
function headersFor(text: string, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      inBlock = line.trim() === path;
      continue;
    }
    const colon = line.indexOf(':');
    if (inBlock && colon > 0) out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}

describe('security headers', () => {
  it('public/_headers is what the module says (run `npm run headers` when this fails)', () => {
    expect(read('public/_headers')).toBe(headersFileText());
    expect(headersFor(read('public/_headers'), '/*')).toEqual(SECURITY_HEADERS);
  });

  it('forbid framing, sniffing and referrers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });

  it('the meta policy is the header policy without what a meta tag cannot carry', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY.startsWith(`${META_CONTENT_SECURITY_POLICY}; `)).toBe(true);
    expect(META_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(META_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('every host snippet in docs/sharing.md sends the current policy', () => {
    const doc = read('docs/sharing.md');
    const deploy = doc.slice(doc.indexOf('## Deploy'));
    const lines = deploy
      .split('\n')
      .filter((l) => l.includes('Content-Security-Policy') && l.includes('frame-ancestors'));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toContain(CONTENT_SECURITY_POLICY);
    for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options'])
      expect(deploy.split(name).length - 1, name).toBeGreaterThanOrEqual(lines.length);
  });
});
