/**
 * Local storage for several tabs in one test: one shared area with an optional quota (characters
 * of keys and values, as browsers count it, near enough), one `Storage` view per tab, and the
 * `storage` event each write sends to the other tabs — queued, so a test decides when each tab
 * hears of it (as a busy browser may deliver it late).
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

  /** Queues a change event for every tab but the writer. */
  changed(writer: TabView, key: string): void {
    for (const tab of this.tabs) if (tab !== writer) tab.pending.push(key);
  }
}

export class TabView implements Storage {
  /** Keys changed by other tabs, not yet delivered to this one. */
  pending: string[] = [];
  private listener: ((key: string) => void) | null = null;

  constructor(private readonly area: SharedArea) {}

  get length(): number {
    return this.area.data.size;
  }

  key(index: number): string | null {
    return [...this.area.data.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.area.data.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const before = this.area.data.get(key);
    const grows =
      key.length + value.length - (before === undefined ? 0 : key.length + before.length);
    if (this.area.used() + grows > this.area.quota)
      throw new QuotaExceededError(`Setting the value of '${key}' exceeded the quota.`);
    this.area.data.set(key, value);
    this.area.changed(this, key);
  }

  removeItem(key: string): void {
    if (!this.area.data.delete(key)) return;
    this.area.changed(this, key);
  }

  clear(): void {
    this.area.data.clear();
    this.area.changed(this, '');
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

  /** Delivers the queued events (and any they cause elsewhere stay queued there). */
  deliver(): number {
    const keys = this.pending;
    this.pending = [];
    for (const key of keys) this.listener?.(key);
    return keys.length;
  }
}
