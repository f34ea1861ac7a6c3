/**
 * `amo-workbench test`'s visual comparison, run by the command as a Vitest project of its own: every
 * story of the widgets' static build in each of its modes, captured in headless Chromium and compared
 * with the baseline kept in the project (`.amo-workbench/baselines/chromium-<major>/`). `--update`
 * writes the baselines; a missing one is created outside CI and a failure in CI that says how to
 * create it. A story that errored fails instead of being compared.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareImages } from '../visual/compareImages.ts';
import { globalsQuery, modesForStory } from '../visual/modes.ts';
import { captureStory, chromiumMajor, launchVisualBrowser, visualContext } from '../visual/visualBrowser.ts';

const env = process.env;
const buildDir = env.AMO_WORKBENCH_BUILD!;
const baseUrl = env.AMO_WORKBENCH_BUILD_URL!;
const baselineRoot = env.AMO_WORKBENCH_BASELINES!;
const reportDir = env.AMO_WORKBENCH_REPORTS!;
const UPDATE = env.AMO_WORKBENCH_UPDATE === '1';
const IN_CI = Boolean(env.CI);

interface Entry { id: string; title: string; name: string; type: string; tags?: string[] }
const index = JSON.parse(readFileSync(path.join(buildDir, 'index.json'), 'utf8')) as { entries: Record<string, Entry> };
const captures = Object.values(index.entries)
  .filter((e) => e.type === 'story' && !e.tags?.includes('no-visual'))
  .sort((a, b) => (a.id < b.id ? -1 : 1))
  .flatMap((story) => Object.entries(modesForStory(story.tags, env.VISUAL_MODES)).map(([mode, globals]) => ({ name: `${story.title} › ${story.name} [${mode}]`, id: story.id, mode, globals })));

let browser: Browser;
let context: BrowserContext;
let page: Page;
let baselines: string;

beforeAll(async () => {
  browser = await launchVisualBrowser();
  context = await visualContext(browser);
  page = await context.newPage();
  baselines = path.join(baselineRoot, `chromium-${chromiumMajor(browser)}`);
  mkdirSync(reportDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('visual', () => {
  it.each(captures)('$name', async ({ id, mode, globals }) => {
    const { image, phase } = await captureStory(page, baseUrl, id, globalsQuery(globals));
    expect(phase, `the story errored while rendering, so its capture is not compared; run it with amo-workbench dev to see why`).not.toBe('errored');
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
    expect(result.diffPixels, `differs from its baseline in ${result.diffPixels} pixels (${(result.ratio * 100).toFixed(3)}%); see ${path.relative(process.cwd(), path.join(reportDir, `${id}--${mode}.diff.png`))}, or accept it with --update`).toBe(0);
  });
});
