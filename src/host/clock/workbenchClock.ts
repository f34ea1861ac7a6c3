/**
 * The workbench clock (spec decision): `Date` starts at a fixed instant for every story and then
 * advances in real time, so anything rendered at mount shows the same date and minute on every run
 * while timers, debounces and animations still work. `live` leaves the real `Date` alone.
 * Built on @sinonjs/fake-timers, faking `Date` only: timers stay native, so Storybook, Vitest and
 * requirejs timeouts are unaffected.
 */
import { withGlobal } from '@sinonjs/fake-timers';

type InstalledClock = ReturnType<ReturnType<typeof withGlobal>['install']>;

export const DEFAULT_CLOCK_START = '2026-03-16T09:41:00.000Z';

export type ClockMode = 'fixed' | 'live';

export interface ClockSettings {
  mode?: ClockMode;
  /** ISO date or epoch milliseconds; DEFAULT_CLOCK_START when absent. */
  start?: string | number;
}

let installed: { clock: InstalledClock; key: string } | undefined;

export function parseClockStart(start: string | number = DEFAULT_CLOCK_START): number {
  const ms = typeof start === 'number' ? start : Date.parse(start);
  if (Number.isNaN(ms)) throw new Error(`Workbench clock: invalid start ${JSON.stringify(start)}; use an ISO date such as "${DEFAULT_CLOCK_START}".`);
  return ms;
}

/**
 * Puts the clock in the given state. With `restart`, a fixed clock starts over from its start
 * (a new story); without, an already matching clock keeps running (a re-render).
 */
export function setWorkbenchClock({ mode = 'fixed', start }: ClockSettings, restart = false): void {
  const key = `${mode}:${start ?? ''}`;
  if (!restart && installed?.key === key) return;
  resetWorkbenchClock();
  if (mode === 'live') return;
  const clock = withGlobal(globalThis).install({
    now: parseClockStart(start),
    toFake: ['Date'],
    shouldAdvanceTime: true,
    advanceTimeDelta: 10,
  });
  installed = { clock, key };
}

/** Back to the real `Date`. */
export function resetWorkbenchClock(): void {
  installed?.clock.uninstall();
  installed = undefined;
}

export function workbenchClockMode(): ClockMode {
  return installed ? 'fixed' : 'live';
}
