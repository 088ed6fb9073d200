/** Safe file names for the workshop's downloads (links, downloads and copying: `components/browser.ts`). */

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
