/**
 * What happened to each widget, in order: the calls the host made, what they returned, warnings
 * and failures. The lifecycle story shows it beside the slot; tests assert on it.
 */
export type LogKind = 'call' | 'return' | 'warning' | 'error' | 'info';

export interface LogEntry {
  seq: number;
  widget: string;
  kind: LogKind;
  /** What happened, e.g. "initLead", "slot cleanup", "load". */
  event: string;
  detail?: string;
}

export class LifecycleLog {
  readonly entries: LogEntry[] = [];
  private readonly listeners = new Set<(entry: LogEntry) => void>();

  add(widget: string, kind: LogKind, event: string, detail?: string): LogEntry {
    const entry: LogEntry = { seq: this.entries.length + 1, widget, kind, event, detail };
    this.entries.push(entry);
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  /** Calls `listener` for every entry from now on; returns the unsubscribe function. */
  listen(listener: (entry: LogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The host's calls alone, as "event" strings, for order assertions. */
  calls(widget?: string): string[] {
    return this.entries.filter((e) => e.kind === 'call' && (!widget || e.widget === widget)).map((e) => e.event);
  }
}
