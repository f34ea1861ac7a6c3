/**
 * `amo-workbench test`, run by the command through Vitest: every story of the widgets' static build
 * in headless Chromium.
 * - As a test, in each of its modes: the story renders and its play function passes, then its cabinet is
 *   unmounted; any problem the story does not declare (widget failure, doctor finding such as a leak,
 *   unhandled request, folder problem) fails it, named by its code.
 * - Visually, in each of its modes: captured and compared with the baseline kept in the project
 *   (`.amo-workbench/baselines/chromium-<major>/`). `--update` writes the baselines; a missing one is
 *   created outside CI and a failure in CI that says how to create it. A story that errored fails
 *   instead of being compared.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { compareImages } from '../visual/compareImages.ts';
import { globalsQuery, modesForStory } from '../visual/modes.ts';
import { captureStory, captureTarget, chromiumMajor, launchVisualBrowser, openStory } from '../visual/visualBrowser.ts';
import { pagePool, type PagePool } from '../visual/pagePool.ts';

const env = process.env;
const buildDir = env.AMO_WORKBENCH_BUILD!;
const baseUrl = env.AMO_WORKBENCH_BUILD_URL!;
const baselineRoot = env.AMO_WORKBENCH_BASELINES!;
const reportDir = env.AMO_WORKBENCH_REPORTS!;
const UPDATE = env.AMO_WORKBENCH_UPDATE === '1';
const IN_CI = Boolean(env.CI);

interface Entry { id: string; title: string; name: string; type: string; tags?: string[] }
const index = JSON.parse(readFileSync(path.join(buildDir, 'index.json'), 'utf8')) as { entries: Record<string, Entry> };
const stories = Object.values(index.entries)
  .filter((e) => e.type === 'story')
  .sort((a, b) => (a.id < b.id ? -1 : 1));
// Every story is checked in each mode it is captured in (each language for widget folders); not
// one tagged !test (a widget's All states overview: each of its states is checked itself).
const checks = stories.filter((e) => e.tags?.includes('test') ?? true).flatMap((story) =>
  Object.entries(modesForStory(story.tags, env.VISUAL_MODES)).map(([mode, globals]) => ({ name: `${story.title} › ${story.name} [${mode}]`, id: story.id, globals })),
);
const captures = stories
  .filter((e) => !e.tags?.includes('no-visual'))
  .flatMap((story) =>
    Object.entries(modesForStory(story.tags, env.VISUAL_MODES)).map(([mode, globals]) => ({ name: `${story.title} › ${story.name} [${mode}]`, id: story.id, mode, globals, target: captureTarget(story.tags) })),
  );

let browser: Browser;
let pool: PagePool;
let baselines: string;

beforeAll(async () => {
  browser = await launchVisualBrowser();
  // Stories run in parallel pages, each with its own storage (src/visual/pagePool.ts: VISUAL_PAGES).
  pool = await pagePool(browser);
  baselines = path.join(baselineRoot, `chromium-${chromiumMajor(browser)}`);
  mkdirSync(reportDir, { recursive: true });
});

afterAll(async () => {
  await pool?.close();
  await browser?.close();
});

describe.concurrent('stories', () => {
  for (const { name, id, globals } of checks) it(name, () => pool.use((page) => checkStory(page, id, globalsQuery(globals))));
});

async function checkStory(page: Page, id: string, globals: string): Promise<void> {
  const phase = await openStory(page, baseUrl, id, globals);
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as { __amoWorkbench?: { mountedCabinets(): Array<{ whenIdle(): Promise<void>; unmount(): Promise<void> }> } };
    const error = document.querySelector('#error-message')?.textContent ?? '';
    // Unmounted as a test run does: what the widgets still hold then is a leak.
    for (const cabinet of w.__amoWorkbench?.mountedCabinets() ?? []) {
      await cabinet.whenIdle();
      await cabinet.unmount();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    const problems = [...document.querySelectorAll<HTMLElement>('.wb-strip li[data-problem]')]
      .filter((li) => li.dataset.severity === 'error' && !('expected' in li.dataset))
      .map((li) => `${li.dataset.problem}: ${li.querySelector('.wb-strip__full')?.textContent ?? ''}`);
    return { error, problems };
  });
  if (phase === 'errored') throw new Error(`the story failed while rendering or in its play function: ${outcome.error.trim() || 'see amo-workbench dev'}`);
  if (outcome.problems.length) throw new Error(outcome.problems.join(' | '));
}

describe.concurrent('visual', () => {
  for (const { name, id, mode, globals, target } of captures) it(name, async () => {
    const { image, phase } = await pool.use((page) => captureStory(page, baseUrl, id, globalsQuery(globals), undefined, target));
    if (phase === 'errored') throw new Error('the story errored while rendering, so its capture is not compared; run it with amo-workbench dev to see why');
    const file = path.join(baselines, `${id}--${mode}.png`);
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE && IN_CI) throw new Error(`no baseline ${path.relative(process.cwd(), file)}: run \`npx amo-workbench test --update\` and commit .amo-workbench/baselines/`);
      mkdirSync(baselines, { recursive: true });
      writeFileSync(file, image);
      return;
    }
    const result = compareImages(readFileSync(file), image);
    if (result.diffPixels > 0) {
      writeFileSync(path.join(reportDir, `${id}--${mode}.actual.png`), image);
      writeFileSync(path.join(reportDir, `${id}--${mode}.diff.png`), result.diff);
    }
    if (result.diffPixels > 0) {
      throw new Error(`differs from its baseline in ${result.diffPixels} pixels (${(result.ratio * 100).toFixed(3)}%); see ${path.relative(process.cwd(), path.join(reportDir, `${id}--${mode}.diff.png`))}, or accept it with --update`);
    }
  });
});
