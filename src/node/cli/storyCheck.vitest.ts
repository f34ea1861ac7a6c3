/**
 * `amo-workbench test`, run by the command through Vitest: every story of the widgets' static build
 * in headless Chromium, one test per story and mode (each language for widget folders):
 * - the story is shown (the first of a mode by loading the page, the next by switching stories in
 *   it, as the Storybook UI does) and must render and pass its play function;
 * - it is captured and compared with the baseline kept in the project
 *   (`.amo-workbench/baselines/chromium-<major>/`). `--update` writes the baselines; a missing one is
 *   created outside CI and a failure in CI that says how to create it. A story that errored fails
 *   instead of being compared;
 * - then its cabinets are unmounted: any problem the story does not declare (widget failure, doctor
 *   finding such as a leak, unhandled request, folder problem) fails it, named by its code.
 * A story tagged !test is not checked, one tagged no-visual not captured (a widget's All states
 * overview is neither: each of its states is both).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkBaseline, readBaseline, type BaselineStore } from '../visual/baselines.ts';
import { globalsQuery, modesForStory } from '../../common/modes.ts';
import { captureOpened, captureTarget, chromiumMajor, launchVisualBrowser, openStory, storyError, switchStory } from '../visual/visualBrowser.ts';
import { pagePool, type PagePool } from '../visual/pagePool.ts';
import { builtStories } from '../visual/builtStories.ts';
import { waitForBuild } from './buildStatus.ts';

const env = process.env;
const buildDir = env.AMO_WORKBENCH_BUILD!;
const baseUrl = env.AMO_WORKBENCH_BUILD_URL!;
const baselineRoot = env.AMO_WORKBENCH_BASELINES!;
const reportDir = env.AMO_WORKBENCH_REPORTS!;
const UPDATE = env.AMO_WORKBENCH_UPDATE === '1';
const IN_CI = Boolean(env.CI);

// The browser starts while the command's Storybook build runs; the stories are read once it is done.
const launching = launchVisualBrowser().then(async (browser) => ({ browser, pool: await pagePool(browser) }));
launching.catch(() => undefined); // awaited in beforeAll, where a failed launch fails the run
const built = env.AMO_WORKBENCH_BUILD_STATUS ? await waitForBuild(env.AMO_WORKBENCH_BUILD_STATUS) : true;
const stories = built ? builtStories(buildDir) : [];

interface Visit {
  name: string;
  id: string;
  mode: string;
  /** The mode's globals, and as the URL's `globals=` parameter. */
  modeGlobals: Readonly<Record<string, string>>;
  globals: string;
  check: boolean;
  capture: boolean;
  target?: string;
}
// Mode by mode, so a page changes the toolbar's globals only when the mode changes.
const visits: Visit[] = stories
  .flatMap((story) =>
    Object.entries(modesForStory(story.tags, env.VISUAL_MODES)).map(([mode, globals]) => ({
      name: `${story.title} › ${story.name} [${mode}]`,
      id: story.id,
      mode,
      modeGlobals: { ...globals },
      globals: globalsQuery(globals),
      check: story.tags?.includes('test') ?? true,
      capture: !story.tags?.includes('no-visual'),
      target: captureTarget(story.tags),
    })),
  )
  .filter((visit) => visit.check || visit.capture)
  .sort((a, b) => (a.globals < b.globals ? -1 : a.globals > b.globals ? 1 : 0));

let browser: Browser;
let pool: PagePool;
let store: BaselineStore;
/** The globals each page's preview was loaded with. */
const loadedWith = new WeakMap<Page, string>();

beforeAll(async () => {
  // Stories run in parallel pages, each with its own storage (src/node/visual/pagePool.ts: VISUAL_PAGES).
  ({ browser, pool } = await launching);
  store = { dir: path.join(baselineRoot, `chromium-${chromiumMajor(browser)}`), reportDir, update: UPDATE, inCi: IN_CI };
});

afterAll(async () => {
  await pool?.close();
  await browser?.close();
});

describe.concurrent('stories', () => {
  if (!built)
    it('Storybook build', () => {
      throw new Error('the Storybook build failed (its output is above)');
    });
  for (const visit of visits) it(visit.name, () => pool.use((page) => runVisit(page, visit)));
});

/** Every mode sets the same globals, so a page loaded once switches to any mode's story without a reload. */
async function show(page: Page, visit: Visit): Promise<string> {
  const loaded = loadedWith.get(page);
  loadedWith.set(page, visit.globals);
  if (loaded === undefined) return openStory(page, baseUrl, visit.id, visit.globals);
  return switchStory(page, visit.id, loaded === visit.globals ? undefined : visit.modeGlobals);
}

async function runVisit(page: Page, visit: Visit): Promise<void> {
  const phase = await show(page, visit);
  const error = (await storyError(page, visit.id)) ?? (phase === 'errored' ? 'the story errored' : undefined);
  if (error) {
    // The next story on this page starts from a fresh load.
    loadedWith.delete(page);
    throw new Error(`the story failed while rendering or in its play function: ${error} (open it in amo-workbench dev to see it)`);
  }
  // Captured first: the checks unmount the cabinet.
  const baseline = visit.capture ? readBaseline(store, nameOf(visit)) : undefined;
  const image = visit.capture ? await captureOpened(page, visit.target, baseline) : undefined;
  // Runs in the page (src/preview/consoleApi.ts), typed there with the DOM.
  const failures = visit.check ? ((await page.evaluate('window.__amoWorkbench?.unmountAndListProblems() ?? []')) as string[]) : [];
  if (image) {
    const failure = compare(visit, image, baseline, failures.length === 0);
    if (failure) failures.push(failure);
  }
  if (failures.length) throw new Error(failures.join(' | '));
}

const nameOf = ({ id, mode }: Visit) => `${id}--${mode}`;

/** Compares a capture with its baseline (or writes it, when the story passed its checks); returns the failure, if any. */
function compare(visit: Visit, image: Buffer, baseline: Buffer | undefined, passed: boolean): string | undefined {
  const outcome = checkBaseline(store, nameOf(visit), image, baseline, passed);
  if (outcome.kind === 'missing')
    return `no baseline ${path.relative(process.cwd(), outcome.file)}: run \`npx amo-workbench test --update\` and commit .amo-workbench/baselines/`;
  if (outcome.kind === 'not-written') return `no baseline written for a story that fails: fix the failure, then run \`npx amo-workbench test --update\``;
  if (outcome.kind !== 'differs') return undefined;
  return `differs from its baseline in ${outcome.diffPixels} pixels (${(outcome.ratio * 100).toFixed(3)}%); see ${path.relative(process.cwd(), outcome.diffFile)}, or accept it with --update`;
}
