/**
 * Small helpers for the workshop: absolute links to routes of this app (hash-routed, so they work
 * from any host and sub-path) and safe file names. Downloads and copying are in
 * `components/browser.ts`.
 */

/** The address that opens `path` (e.g. "/workshop/join/w1.…") in this app. */
export function appUrl(path: string, base = window.location.href): string {
  const cut = base.indexOf('#');
  return `${cut >= 0 ? base.slice(0, cut) : base}#${path}`;
}

/** A file name made of the safe characters of `text` ("Team Red: Q1" → "team-red-q1"). */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'team';
}
