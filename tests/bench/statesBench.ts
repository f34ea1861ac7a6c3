/**
 * What generated states cost: three widget folders of eight states each (the five host states and
 * three of `workbench.states.json`) given to the workbench, and
 * - its warm dev start against the bare baseline's, alternately (`ratios.devReadyWarmStates`);
 * - the offline capture of every state story in every language mode from a static build, in the
 *   parallel pages `amo-workbench test` and `npm run test:visual` use: the median time of one
 *   capture and the run's wall time per capture.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright';
import { pagePool } from '../../src/node/visual/pagePool';
import { DEFAULT_MODES, globalsQuery } from '../../src/common/modes';
import { captureStory, captureTarget } from '../../src/node/visual/visualBrowser';
import { serveFolder } from '../support/serveFolder';
import { medianP95, round } from './stats';

export const STATE_WIDGETS = ['states-alpha', 'states-beta', 'states-gamma'];

/** Three copies of widgets/hello-world, each with three states of its own: eight states each. */
export function createStateWidgets(root: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of STATE_WIDGETS) {
    const folder = path.join(dir, name);
    cpSync(path.join(root, 'widgets', 'hello-world'), folder, { recursive: true });
    writeFileSync(
      path.join(folder, 'workbench.states.json'),
      JSON.stringify({
        states: [
          { name: 'Won deal', deal: { status: '142', fields: { 'lead-budget': 990000 } } },
          { name: 'Dollars', sys: { currencySymbol: '$' } },
          { name: 'Remembered', localStorage: { visits: '7' } },
        ],
      }),
    );
  }
  return dir;
}

export interface CaptureTimes {
  captures: number;
  pages: number;
  /** One capture: open the story, wait for it, screenshot until two agree. */
  perCaptureMs: { median: number; p95: number };
  /** The run's wall time divided by its captures (what parallel pages save). */
  wallPerCaptureMs: number;
}

/** Captures every state story of the three widgets in every default mode, from a static build. */
export async function captureTimes(browser: Browser, staticDir: string): Promise<CaptureTimes> {
  const site = await serveFolder(staticDir);
  const index = (await (await fetch(`${site.url}index.json`)).json()) as { entries: Record<string, { id: string; type: string; tags?: string[] }> };
  const stories = Object.values(index.entries).filter(
    (e) => e.type === 'story' && STATE_WIDGETS.some((w) => e.id.startsWith(`widgets-${w}--`)) && !e.tags?.includes('no-visual'),
  );
  const jobs = stories.flatMap((story) =>
    Object.values(DEFAULT_MODES).map((mode) => ({ id: story.id, globals: globalsQuery(mode), target: captureTarget(story.tags) })),
  );
  const pool = await pagePool(browser);
  const durations: number[] = [];
  const started = performance.now();
  await Promise.all(
    jobs.map((job) =>
      pool.use(async (page) => {
        const t = performance.now();
        const { phase } = await captureStory(page, site.url, job.id, job.globals, undefined, job.target);
        if (phase === 'errored') throw new Error(`${job.id} errored while rendering`);
        durations.push(performance.now() - t);
      }),
    ),
  );
  const wall = performance.now() - started;
  await pool.close();
  await site.close();
  return { captures: jobs.length, pages: pool.size, perCaptureMs: medianP95(durations), wallPerCaptureMs: round(wall / jobs.length) };
}
