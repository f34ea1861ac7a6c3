/**
 * `window.__amoWorkbench`: the workbench from the browser console (and for `npm run bench`):
 * mount a cabinet by hand, look at the mounted ones, count live subscriptions and requirejs
 * contexts; and, for `amo-workbench test`, unmount every cabinet and list the problems left on the
 * story's strip (what a widget still holds after its unmount is a leak).
 */
import { createCabinet } from '../host/cabinet/createCabinet';
import { mountedCabinets } from '../host/cabinet/mountedCabinets';
import { ensureRequireJs } from '../host/amd/requireJsGlobal';
import { storyError, trackStoryErrors } from './storyErrors';

export interface WorkbenchConsoleApi {
  createCabinet: typeof createCabinet;
  mountedCabinets: typeof mountedCabinets;
  /** requirejs contexts on the page besides require.js's default one. */
  requireContexts(): number;
  /** Unmounts every cabinet as a test run does, then lists the strip's unexpected errors as `code: message`. */
  unmountAndListProblems(): Promise<string[]>;
  /** The error of a story's latest render (it threw, or its play function did), if any (storyErrors.ts). */
  storyError(storyId: string): string | undefined;
}

async function unmountAndListProblems(): Promise<string[]> {
  for (const cabinet of mountedCabinets()) {
    await cabinet.whenIdle();
    await cabinet.unmount();
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
  return [...document.querySelectorAll<HTMLElement>('.wb-strip li[data-problem]')]
    .filter((li) => li.dataset.severity === 'error' && !('expected' in li.dataset))
    .map((li) => {
      const fix = li.querySelector('.wb-strip__fix')?.textContent;
      return `${li.dataset.problem}: ${li.querySelector('.wb-strip__full')?.textContent ?? ''}${fix ? ` Fix: ${fix}` : ''}`;
    });
}

export function installConsoleApi(): void {
  const api: WorkbenchConsoleApi = {
    createCabinet,
    mountedCabinets,
    requireContexts: () => Object.keys(ensureRequireJs().s.contexts).filter((name) => name !== '_').length,
    unmountAndListProblems,
    storyError,
  };
  trackStoryErrors();
  (window as unknown as { __amoWorkbench: WorkbenchConsoleApi }).__amoWorkbench = api;
}
