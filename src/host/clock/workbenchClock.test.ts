import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_START, parseClockStart, resetWorkbenchClock, setWorkbenchClock, workbenchClockMode } from './workbenchClock';

afterEach(() => resetWorkbenchClock());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('workbench clock', () => {
  it('starts at the fixed instant and then advances in real time', async () => {
    setWorkbenchClock({ mode: 'fixed' }, true);
    const start = Date.parse(DEFAULT_CLOCK_START);
    expect(Date.now() - start).toBeLessThan(50);
    expect(new Date().toISOString().slice(0, 16)).toBe('2026-03-16T09:41');
    await sleep(120);
    // The fake clock advances on a real interval of its own, which a busy machine (the whole suite
    // running) fires late: it lags, it does not stand still.
    expect(Date.now() - start).toBeGreaterThanOrEqual(40);
  });

  it('keeps running on a re-render, and starts over for a new story', async () => {
    setWorkbenchClock({ mode: 'fixed', start: '2030-01-01T00:00:00Z' }, true);
    await sleep(60);
    setWorkbenchClock({ mode: 'fixed', start: '2030-01-01T00:00:00Z' });
    expect(Date.now() - Date.parse('2030-01-01T00:00:00Z')).toBeGreaterThanOrEqual(40);
    setWorkbenchClock({ mode: 'fixed', start: '2030-01-01T00:00:00Z' }, true);
    expect(Date.now() - Date.parse('2030-01-01T00:00:00Z')).toBeLessThan(30);
  });

  it('live mode is the real time', () => {
    setWorkbenchClock({ mode: 'live' });
    expect(workbenchClockMode()).toBe('live');
    expect(Math.abs(Date.now() - performance.timeOrigin - performance.now())).toBeLessThan(1000);
  });

  it('fakes Date only: timers stay native', async () => {
    setWorkbenchClock({ mode: 'fixed' }, true);
    let fired = false;
    setTimeout(() => (fired = true), 5);
    await sleep(30);
    expect(fired).toBe(true);
  });

  it('refuses an invalid start with the expected format', () => {
    expect(() => parseClockStart('yesterday')).toThrow(/invalid start "yesterday"; use an ISO date/);
  });
});
