/**
 * The browser visual runs capture with: Chromium with fixed render flags (sRGB colour profile,
 * no font hinting, no LCD subpixel text, device scale factor 1, fixed viewport, UTC, en-US), so a
 * baseline depends on the Chromium version alone. Baselines are kept per Chromium major version.
 */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../cli/findChromium.ts';
import { STATE_TAG } from '../../common/stateSpec.ts';

export const VIEWPORT = { width: 1200, height: 900 };

export const RENDER_FLAGS = [
  '--force-color-profile=srgb',
  '--font-render-hinting=none',
  '--disable-lcd-text',
  '--hide-scrollbars',
  '--disable-skia-runtime-opts',
];

export async function launchVisualBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...RENDER_FLAGS] });
}

const userAgents = new WeakMap<Browser, Promise<string>>();

/**
 * The browser's own user agent plus `StorybookTestRunner`, the word Storybook's preview looks for to
 * know a test runner drives it (as its Vitest addon's browser mode is known by a global): it then
 * pauses CSS animations at their end for the capture instead of waiting 100 ms or more for them after
 * every story's play function.
 */
function testRunnerUserAgent(browser: Browser): Promise<string> {
  let agent = userAgents.get(browser);
  if (!agent) {
    agent = (async () => {
      const page = await browser.newPage();
      try {
        return `${String(await page.evaluate('navigator.userAgent'))} StorybookTestRunner`;
      } finally {
        await page.close();
      }
    })();
    userAgents.set(browser, agent);
  }
  return agent;
}

export async function visualContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    timezoneId: 'UTC',
    locale: 'en-US',
    reducedMotion: 'reduce',
    colorScheme: 'light',
    userAgent: await testRunnerUserAgent(browser),
  });
}

export function chromiumMajor(browser: Browser): string {
  return browser.version().split('.')[0]!;
}

/** This repository's baselines. */
export function baselineDir(root: string, major: string): string {
  return path.join(root, 'tests', 'visual', 'baselines', `chromium-${major}`);
}

/** The phase of Storybook's current render, as an expression evaluated in the page. */
const RENDER_PHASE = 'window.__STORYBOOK_PREVIEW__?.currentRender?.phase';
/** True in the page once that render has ended (play function included), well or not. */
const RENDER_DONE = `['finished', 'errored', 'aborted'].includes(${RENDER_PHASE})`;

/** Opens a story and waits for Storybook to finish its render (play function included); returns the render's phase. */
export async function openStory(page: Page, baseUrl: string, id: string, globals: string): Promise<string> {
  await page.goto(`${baseUrl}iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${globals}`);
  await page.waitForFunction(RENDER_DONE, undefined, { timeout: 30_000 });
  return ((await page.evaluate(RENDER_PHASE)) as string | undefined) ?? 'unknown';
}

/** What a story tagged STATE_TAG is captured as: the widgets column, which keeps its baselines small. */
export const STATE_CAPTURE = '.amo-cabinet__widgets';

/** The element a story's capture shows, by its tags: undefined for the whole page. */
export function captureTarget(tags: readonly string[] | undefined): string | undefined {
  return tags?.includes(STATE_TAG) ? STATE_CAPTURE : undefined;
}

/**
 * Opens a story and returns a screenshot once it has rendered and two captures agree: the whole
 * page, or the first element `selector` names (the whole page when there is none).
 */
export async function captureStory(
  page: Page,
  baseUrl: string,
  id: string,
  globals: string,
  css?: string,
  selector?: string,
  expected?: Buffer,
): Promise<{ image: Buffer; phase: string }> {
  const phase = await openStory(page, baseUrl, id, globals);
  if (css) await page.addStyleTag({ content: css });
  return { image: await captureOpened(page, selector, expected), phase };
}

/**
 * A screenshot of the story on the page once two in a row agree (see captureStory), or the first
 * one when it is byte for byte the `expected` image (the baseline): a capture that matches needs no
 * second look, one that differs is taken again until stable before anyone compares it.
 */
export async function captureOpened(page: Page, selector?: string, expected?: Buffer): Promise<Buffer> {
  await page.evaluate('document.fonts.ready.then(() => true)');
  const target = selector && (await page.locator(selector).count()) ? page.locator(selector).first() : undefined;
  const shoot = () =>
    target ? target.screenshot({ animations: 'disabled', caret: 'hide' }) : page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
  let previous = await shoot();
  if (expected?.equals(previous)) return previous;
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(60);
    const next = await shoot();
    if (next.equals(previous)) return next;
    previous = next;
  }
  return previous;
}

/**
 * Shows another story on a page that already shows the preview, as the Storybook UI does
 * (Storybook's `setCurrentStory` event): no reload, so it costs about a third of openStory.
 * Storybook tears the previous story down first, as on a switch in the UI. With `globals` (all the
 * keys the page was opened with, other values), the toolbar's globals change first, as when a
 * reviewer picks another language before the next story, instead of a reload for a new mode.
 */
export async function switchStory(page: Page, id: string, globals?: Readonly<Record<string, string>>): Promise<string> {
  // One round trip: the page switches and answers when Storybook says the story finished (its
  // storyFinished event, sent for a finished and for an errored render alike), rather than being
  // polled frame by frame from here.
  const finished = (await page.evaluate(`(async () => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    const finishedOf = (storyId, start) => new Promise((resolve) => {
      const done = (answer) => { channel.off('storyFinished', onFinished); clearTimeout(timer); resolve(answer); };
      const onFinished = (event) => { if (event && event.storyId === storyId) done(${RENDER_PHASE} ?? 'unknown'); };
      const timer = setTimeout(() => done(undefined), ${SWITCH_TIMEOUT_MS});
      channel.on('storyFinished', onFinished);
      start();
    });
    const globals = ${JSON.stringify(globals ?? null)};
    const shown = window.__STORYBOOK_PREVIEW__?.currentRender?.id;
    // Storybook renders the shown story again with the new globals; switching while that render is
    // pending would make it reload the page, so the switch waits for it to finish.
    if (globals && shown) await finishedOf(shown, () => channel.emit('updateGlobals', { globals }));
    else if (globals) channel.emit('updateGlobals', { globals });
    return finishedOf(${JSON.stringify(id)}, () => channel.emit('setCurrentStory', { storyId: ${JSON.stringify(id)}, viewMode: 'story' }));
  })()`)) as string | undefined;
  if (finished) return finished;
  // No word from Storybook in time (an aborted render sends none): its render state decides.
  await page.waitForFunction(`window.__STORYBOOK_PREVIEW__?.currentRender?.id === ${JSON.stringify(id)} && ${RENDER_DONE}`, undefined, { timeout: 5_000 });
  return ((await page.evaluate(RENDER_PHASE)) as string | undefined) ?? 'unknown';
}

const SWITCH_TIMEOUT_MS = 25_000;

/**
 * The error of the story's latest render on the page (it threw, or its play function did), from the
 * preview's own record (src/preview/storyErrors.ts): Storybook ends every render in `finished`.
 */
export async function storyError(page: Page, id: string): Promise<string | undefined> {
  return ((await page.evaluate(`window.__amoWorkbench?.storyError(${JSON.stringify(id)})`)) as string | undefined) ?? undefined;
}
