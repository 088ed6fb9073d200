/**
 * Local storage for several tabs in one test: one shared area with an optional quota (characters
 * of keys and values, as browsers count it, near enough), one `Storage` view per tab, and the
 * change each write sends to the other tabs — queued, so a test decides when each tab hears of it
 * (as a busy browser may deliver it late).
 *
 * As in Chromium, each tab reads its own copy of the area: another tab's write reaches it with
 * the `storage` event, not before. Until then the tab reads (and merges with) what it last knew.
 * A tab's own write lands after everything the area already holds, so a change from another tab
 * that was written earlier, and reaches this tab later, does not replace it.
 */
import type { WatchStorage } from '../../src/store';

export class QuotaExceededError extends Error {
  override name = 'QuotaExceededError';
}

export class SharedArea {
  readonly data = new Map<string, string>();
  private readonly tabs = new Set<TabView>();

  constructor(
    /** Most characters (keys plus values) the area holds; Infinity for no limit. */
    public quota = Infinity,
  ) {}

  used(): number {
    let total = 0;
    for (const [key, value] of this.data) total += key.length + value.length;
    return total;
  }

  /** A new tab's view of the area. */
  view(): TabView {
    const tab = new TabView(this);
    this.tabs.add(tab);
    return tab;
  }

  close(tab: TabView): void {
    this.tabs.delete(tab);
  }

  /**
   * Writes a key (null: removes it) from outside the app, as a script in every tab at once would:
   * every tab reads it from now on, and none gets an event.
   */
  put(key: string, value: string | null): void {
    for (const target of [this.data, ...[...this.tabs].map((t) => t.copy)])
      if (value === null) target.delete(key);
      else target.set(key, value);
  }

  /** The order of writes to the area. */
  private writes = 0;

  /** Writes a key (null: removes it) and queues the change for every tab but the writer. */
  write(writer: TabView, key: string, value: string | null): number {
    const at = ++this.writes;
    if (value === null) this.data.delete(key);
    else this.data.set(key, value);
    for (const tab of this.tabs) if (tab !== writer) tab.pending.push({ key, value, at });
    return at;
  }
}

/** Another tab's write, on its way to this one. */
interface Change {
  key: string;
  value: string | null;
  /** When it was written to the area. */
  at: number;
}

export class TabView implements Storage {
  /** Changes made by other tabs, not yet delivered to this one. */
  pending: Change[] = [];
  private listener: ((key: string) => void) | null = null;
  /** What this tab reads: the area as of the last change it heard of, and its own writes. */
  readonly copy: Map<string, string>;
  /** When this tab last wrote each key. */
  private readonly wrote = new Map<string, number>();

  constructor(private readonly area: SharedArea) {
    this.copy = new Map(area.data);
  }

  get length(): number {
    return this.copy.size;
  }

  key(index: number): string | null {
    return [...this.copy.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.copy.get(key) ?? null;
  }

  private write(key: string, value: string | null): void {
    this.wrote.set(key, this.area.write(this, key, value));
    if (value === null) this.copy.delete(key);
    else this.copy.set(key, value);
  }

  setItem(key: string, value: string): void {
    const before = this.area.data.get(key);
    const grows =
      key.length + value.length - (before === undefined ? 0 : key.length + before.length);
    if (this.area.used() + grows > this.area.quota)
      throw new QuotaExceededError(`Setting the value of '${key}' exceeded the quota.`);
    this.write(key, value);
  }

  removeItem(key: string): void {
    if (!this.copy.has(key)) return;
    this.write(key, null);
  }

  clear(): void {
    for (const key of [...this.copy.keys()]) this.write(key, null);
  }

  /** The `watchStorage` option for a store in this tab. */
  readonly watch: WatchStorage = (name, onChange) => {
    this.listener = (key) => {
      if (key === name || key === '') onChange();
    };
    return () => {
      this.listener = null;
    };
  };

  /**
   * Delivers the queued changes: first every one reaches this tab's copy (a busy tab can hear of
   * several writes at once), then each fires its event. Changes that cause are queued elsewhere.
   */
  deliver(): number {
    const changes = this.pending;
    this.pending = [];
    for (const { key, value, at } of changes) {
      if ((this.wrote.get(key) ?? 0) > at) continue;
      if (value === null) this.copy.delete(key);
      else this.copy.set(key, value);
    }
    for (const { key } of changes) this.listener?.(key);
    return changes.length;
  }
}
