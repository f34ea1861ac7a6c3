/**
 * The browser visual runs capture with: Chromium with fixed render flags (sRGB colour profile,
 * no font hinting, no LCD subpixel text, device scale factor 1, fixed viewport, UTC, en-US), so a
 * baseline depends on the Chromium version alone. Baselines are kept per Chromium major version.
 */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';

export const VIEWPORT = { width: 1200, height: 900 };

export const RENDER_FLAGS = ['--force-color-profile=srgb', '--font-render-hinting=none', '--disable-lcd-text', '--hide-scrollbars', '--disable-skia-runtime-opts'];

export async function launchVisualBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...RENDER_FLAGS] });
}

export async function visualContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, timezoneId: 'UTC', locale: 'en-US', reducedMotion: 'reduce', colorScheme: 'light' });
}

export function chromiumMajor(browser: Browser): string {
  return browser.version().split('.')[0]!;
}

export function baselineDir(root: string, major: string): string {
  return path.join(root, 'tests', 'visual', 'baselines', `chromium-${major}`);
}
