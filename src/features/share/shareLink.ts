/**
 * Share links, without React. The app is hash-routed, so a link is the address of the page the
 * app is served from plus `#/share/<token>` — it works from any host and any sub-path. Their QR
 * codes are drawn by `components/qr.ts`.
 */
import { appUrl } from '../../components/browser';

/** The link that opens `token`: `base` is the app's address without its `#…` part. */
export function shareUrl(base: string, token: string): string {
  return appUrl(`/share/${token}`, base);
}
