/**
 * Small browser helpers for the workshop: absolute links to routes of this app (hash-routed, so
 * they work from any host and sub-path), downloads made from a Blob, and copying to the
 * clipboard with a fallback. Nothing is uploaded anywhere.
 */

/** The address that opens `path` (e.g. "/workshop/join/w1.…") in this app. */
export function appUrl(path: string, base = window.location.href): string {
  const cut = base.indexOf('#');
  return `${cut >= 0 ? base.slice(0, cut) : base}#${path}`;
}

/** Starts a download of `text` as a file named `name`. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the Blob after click() returns: revoke on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Copies text; where the clipboard is refused (permissions, a plain-http intranet) it selects the
 * text in `input` and tries the older copy command. Returns whether the text was copied.
 */
export async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to selecting the text.
  }
  input?.focus();
  input?.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
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
