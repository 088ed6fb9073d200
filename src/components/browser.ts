/**
 * Small browser helpers shared by the screens: links to the app's routes, saving text as a file
 * and copying to the clipboard. Nothing is uploaded anywhere.
 */

/**
 * The address that opens `path` (e.g. "/share/p1.…") in this app. The app is hash-routed, so it is
 * the page's address without its `#…` part plus `#path`: it works from any host and sub-path.
 */
export function appUrl(path: string, base = window.location.href): string {
  const cut = base.indexOf('#');
  return `${cut >= 0 ? base.slice(0, cut) : base}#${path}`;
}

/** Starts a download of `text` as a file named `name`, through a temporary link to a Blob. */
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
  // Revoke after the click has been handled, so every browser has started reading the Blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
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
