/**
 * The security headers of Roadmap Dojo, in one place. Everything that serves the app sends these:
 *
 * - the build's `<meta>` Content-Security-Policy (vite.config.ts), which holds on any static host;
 * - `public/_headers`, which Netlify and Cloudflare Pages read (`npm run headers` writes it, and a
 *   test fails when it is stale);
 * - `vite preview` (so every browser test runs under the real headers);
 * - the room server (`npm run room`, src/relay/server.ts), which serves the build beside its relay:
 *   its `connect-src 'self'` covers its own `ws://…/relay` (CSP Level 3 matches a page's own
 *   ws:/wss: origin with 'self').
 *
 * This module has no dependencies (no app code, no browser or Node APIs) so all of them can import
 * it. A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there and warn), which is
 * why the headers matter: only they stop a foreign page from framing the app.
 */

/** The policy's directives: no inline script, no eval, nothing from other origins. */
const POLICY_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** Directives only a response header can carry. */
const HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

/** The Content-Security-Policy for the `<meta>` tag of the built page. */
export const META_CONTENT_SECURITY_POLICY = POLICY_DIRECTIVES.join('; ');

/** The Content-Security-Policy response header: the meta policy plus `frame-ancestors 'none'`. */
export const CONTENT_SECURITY_POLICY = [...POLICY_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join('; ');

/** Every header a server of the app sends with every response, by name. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Older browsers that ignore frame-ancestors honour this.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Plans travel in the address's #fragment, which is never sent; send no referrer at all.
  'Referrer-Policy': 'no-referrer',
  // No other page shares this window's browsing context or loads its files.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The app uses none of these; no script it runs may ask for them.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
});

/** The `_headers` file of Netlify and Cloudflare Pages: every path gets every header. */
export function headersFileText(): string {
  const lines = [
    '# Written by `npm run headers` from src/security/headers.ts; a test fails when it is stale.',
    '# Netlify and Cloudflare Pages send these headers; see docs/sharing.md#deploy for other hosts.',
    '/*',
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  return `${lines.join('\n')}\n`;
}
