/**
 * A polite live region for screen-reader announcements. Each announcement replaces the region's
 * content node (keyed by its id), so the same sentence announced twice is read twice.
 */
export interface Announcement {
  text: string;
  /** Changes on every announcement. */
  id: number;
}

export function LiveRegion({
  announcement,
  id,
}: {
  announcement: Announcement | null;
  id?: string;
}) {
  return (
    <div id={id} className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  );
}
