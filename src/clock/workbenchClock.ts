/**
 * The workbench clock: a fixed start per story that then advances in real time, so anything
 * rendered at mount shows the same date and minute on every run while timers still work.
 * `live` mode reads the real time instead.
 */
export const DEFAULT_CLOCK_START = '2026-03-16T09:41:00.000Z';

export type ClockMode = 'fixed' | 'live';

export interface WorkbenchClock {
  readonly mode: ClockMode;
  /** Milliseconds since the epoch. */
  now(): number;
}

export function createWorkbenchClock(start: string | number = DEFAULT_CLOCK_START, mode: ClockMode = 'fixed'): WorkbenchClock {
  if (mode === 'live') return { mode, now: () => Date.now() };
  const startMs = typeof start === 'number' ? start : Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error(`Workbench clock: invalid start ${JSON.stringify(start)} (use an ISO date).`);
  const origin = performance.now();
  return { mode, now: () => startMs + Math.floor(performance.now() - origin) };
}
