/**
 * Offline visual regression: every story of the built Storybook, in every visual mode
 * (src/common/modes.ts; VISUAL_MODES picks), captured in headless Chromium and compared with the
 * committed baseline of this Chromium major version. A difference fails and writes the actual and
 * diff images and reports/visual/summary.md (story, mode, share of changed pixels).
 * `npm run test:visual -- --update` rewrites the baselines.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODES, NO_VISUAL_TAG, PRIMARY_MODE, globalsQuery, modesForStory } from '../../src/common/modes';
import { run } from '../support/processes';
import { serveFolder, type ServedFolder } from '../support/serveFolder';
import { compareImages } from '../../src/node/visual/compareImages';
import { checkBaseline, readBaseline, type BaselineStore } from '../../src/node/visual/baselines';
import { pagePool, type PagePool } from '../../src/node/visual/pagePool';
import { builtStories } from '../../src/node/visual/builtStories';
import { baselineDir, captureStory, captureTarget, chromiumMajor, launchVisualBrowser, storyError, visualContext } from '../../src/node/visual/visualBrowser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const UPDATE = process.env.VISUAL_UPDATE === '1';
const IN_CI = Boolean(process.env.CI);
const reportDir = path.join(root, 'reports', 'visual');
/** A fixed port: widget error messages name the page's origin, so it must be the same every run. */
const PORT = Number(process.env.VISUAL_PORT ?? 61990);

const storiesFile = path.join(root, 'tests/visual/stories.json');

// The build happens while tests are collected: they are one per story and mode.
const work = mkdtempSync(path.join(tmpdir(), 'wb-visual-'));
const out = path.join(work, 'storybook-static');
await run(path.join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '-o', out], { cwd: root, env: { ...process.env, WIDGETS_DIR: '' } });
const stories = builtStories(out, (a, b) => a.localeCompare(b)).filter((e) => !e.tags?.includes(NO_VISUAL_TAG));
const storyIds = stories.map((e) => e.id);
/** Every capture: a story in each of its modes (src/common/modes.ts: modesForStory). */
const captures = stories.flatMap((story) =>
  Object.entries(modesForStory(story.tags, process.env.VISUAL_MODES)).map(([mode, globals]) => ({
    name: `${story.id} [${mode}]`,
    id: story.id,
    mode,
    globals,
    target: captureTarget(story.tags),
  })),
);
if (UPDATE) writeFileSync(storiesFile, `${JSON.stringify({ stories: storyIds }, null, 2)}\n`);

let site: ServedFolder;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pool: PagePool;
let baselines: string;
let baselinesExisted: boolean;
const summary: string[] = [];

beforeAll(async () => {
  site = await serveFolder(out, { port: PORT });
  browser = await launchVisualBrowser();
  context = await visualContext(browser);
  page = await context.newPage();
  pool = await pagePool(browser);
  const major = chromiumMajor(browser);
  baselines = baselineDir(root, major);
  baselinesExisted = existsSync(baselines);
  if (!baselinesExisted && !UPDATE) {
    const message =
      `No visual baselines for Chromium ${major} (tests/visual/baselines/chromium-${major}). ` +
      (IN_CI
        ? `Create them on a machine with Chromium ${major}: npm run test:visual -- --update, review the images, commit the folder.`
        : 'Creating them now from this run; review and commit the folder. Later runs compare against them.');
    console.warn(`[visual] ${message}`);
    if (IN_CI) throw new Error(message);
  }
  mkdirSync(baselines, { recursive: true });
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
});

afterAll(async () => {
  if (summary.length) {
    writeFileSync(
      path.join(reportDir, 'summary.md'),
      `# Visual differences\n\n| story | mode | changed pixels | share |\n|---|---|---|---|\n${summary.join('\n')}\n`,
    );
    console.warn(`[visual] ${summary.length} difference(s): see reports/visual/summary.md`);
  }
  await pool?.close();
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A story's stable screenshot (src/node/visual/visualBrowser.ts); a story that errored fails instead of being compared. */
async function capture(target: Page, id: string, globals: string, css?: string, selector?: string, expected?: Buffer): Promise<Buffer> {
  const { image, phase } = await captureStory(target, `http://127.0.0.1:${PORT}/`, id, globals, css, selector, expected);
  const error = (await storyError(target, id)) ?? (phase === 'errored' ? 'the story errored' : undefined);
  if (error) throw new Error(`${id} errored while rendering (${error}), so its capture is not compared: open it in npm run storybook to see why.`);
  return image;
}

/** The README's screenshots of the cabinet in each language: the showcase story's captures. */
const DOCS_STORY = 'widgets-showcase--default';

function check(name: string, actual: Buffer, story: string, mode: string, baseline?: Buffer): void {
  if (UPDATE && story === DOCS_STORY) {
    mkdirSync(path.join(root, 'docs', 'screenshots'), { recursive: true });
    writeFileSync(path.join(root, 'docs', 'screenshots', `cabinet-${mode}.png`), actual);
  }
  const outcome = checkBaseline(store(), name, actual, baseline);
  if (outcome.kind === 'missing') throw new Error(`No baseline ${path.relative(root, outcome.file)}: run npm run test:visual -- --update and commit it.`);
  const diffPixels = outcome.kind === 'differs' ? outcome.diffPixels : 0;
  if (outcome.kind === 'differs') summary.push(`| ${story} | ${mode} | ${diffPixels} | ${(outcome.ratio * 100).toFixed(3)}% |`);
  expect(diffPixels, `${story} [${mode}] differs from its baseline in ${diffPixels} pixels; see reports/visual/${name}.diff.png`).toBe(0);
}

const store = (): BaselineStore => ({ dir: baselines, reportDir, update: UPDATE, inCi: IN_CI });

// Captures run in parallel pages (src/node/visual/pagePool.ts: VISUAL_PAGES).
describe.concurrent('stories', () => {
  it.each(captures)('$name', async ({ id, mode, globals, target }) => {
    // The baseline lets a matching capture stop at its first screenshot (captureOpened).
    const expected = readBaseline(store(), `${id}--${mode}`);
    const image = await pool.use((free) => capture(free, id, globalsQuery(globals), undefined, target, expected));
    check(`${id}--${mode}`, image, id, mode, expected);
  });
});

describe('the visual run itself', () => {
  // Only with --update: a test that did nothing otherwise would be a skipped line in every run.
  if (UPDATE)
    it("writes the README's All states screenshot", async () => {
      // Four frames to a row: the overview as a reviewer sees it on a wide screen.
      const wide = await browser.newPage({
        viewport: { width: 1680, height: 900 },
        deviceScaleFactor: 1,
        timezoneId: 'UTC',
        locale: 'en-US',
        reducedMotion: 'reduce',
      });
      const image = await capture(wide, 'widgets-deal-documents--all-states', globalsQuery(DEFAULT_MODES.en!));
      await wide.close();
      writeFileSync(path.join(root, 'docs', 'screenshots', 'all-states.png'), image);
    });

  it('covers the committed list of stories (a story that appears or goes away is a visible change)', () => {
    const committed = (JSON.parse(readFileSync(storiesFile, 'utf8')) as { stories: string[] }).stories;
    expect(storyIds, 'the stories differ from tests/visual/stories.json: run npm run test:visual -- --update').toEqual(committed);
  });

  it('fails a story that threw (in its render or its play function) instead of comparing its capture', async () => {
    const globals = globalsQuery(DEFAULT_MODES[PRIMARY_MODE]!);
    await expect(capture(page, 'workbench-story-errors--play-function-throws', globals)).rejects.toThrow(
      /errored while rendering \(This play function throws on purpose\.\)/,
    );
    await expect(capture(page, 'workbench-story-errors--render-throws', globals)).rejects.toThrow(
      /errored while rendering \(This render throws on purpose\.\)/,
    );
    // A widget that fails is the cabinet's business (the strip), not a story error.
    await expect(capture(page, 'errors--init-lead-throws', globals)).resolves.toBeInstanceOf(Buffer);
  });

  it('catches a one-pixel change of the chrome with a diff image', async () => {
    const id = 'widgets-hello-world--default';
    const globals = globalsQuery(DEFAULT_MODES[PRIMARY_MODE]!);
    const baseline = await capture(page, id, globals);
    const moved = await capture(page, id, globals, '.amo-cabinet__status { padding-left: 11px !important; }');
    const result = compareImages(baseline, moved);
    expect(result.diffPixels).toBeGreaterThan(0);
    expect(result.ratio).toBeLessThan(0.01);
    // And it is stable: the same story twice gives no difference.
    expect(compareImages(baseline, await capture(page, id, globals)).diffPixels).toBe(0);
  });
});
