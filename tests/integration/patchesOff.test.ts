/**
 * The workbench without its speed patches (src/node/patches/patches.ts): `WORKBENCH_PATCHES=0` gives a
 * static build that works (a widget renders, a story's play passes in the built page), built by
 * Storybook's own code paths (no prebuilt preview runtime).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';
import { run } from '../support/processes';
import { serveFolder } from '../support/serveFolder';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'wb-patches-off-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('WORKBENCH_PATCHES=0', () => {
  it('builds a static Storybook that works without the patches', async () => {
    const out = path.join(work, 'static');
    await run(path.join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '-o', out], {
      cwd: root,
      env: { ...process.env, WIDGETS_DIR: '', WORKBENCH_PATCHES: '0' },
    });
    expect(readdirSync(path.join(out, 'assets')).filter((f) => f.startsWith('storybook-preview-runtime'))).toEqual([]);
    const site = await serveFolder(out, { subPath: '/off/' });
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}iframe.html?id=widgets-hello-world--default&viewMode=story`);
      await page.locator('.js-widgets-bar-item-container', { hasText: 'Hello world!' }).waitFor({ timeout: 30_000 });
      // A story with a play function runs it to the end in the built page.
      await page.goto(`${site.url}iframe.html?id=problems--finding-appears-live&viewMode=story`);
      await page.waitForFunction(
        () =>
          (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished',
        undefined,
        { timeout: 30_000 },
      );
      await page.locator('.wb-strip [data-problem="leaked-subscription"]').waitFor({ timeout: 10_000 });
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
