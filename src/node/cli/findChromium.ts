/**
 * Which Chromium the browser tests drive: CHROMIUM_PATH (or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH)
 * first, then the usual system locations, and otherwise undefined, which lets Playwright use its
 * own downloaded browser on a developer's machine.
 */
import { existsSync } from 'node:fs';

const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH || env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  return KNOWN_PATHS.find((candidate) => existsSync(candidate));
}

/** Flags for a headless Chromium in a container or CI: no sandbox as root, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The browser for the command's tests, or a message saying exactly what to install. */
export async function browserForTests(env: NodeJS.ProcessEnv = process.env): Promise<{ executablePath?: string } | { missing: string }> {
  const found = findChromium(env);
  if (found) return { executablePath: found };
  try {
    const { chromium } = await import('playwright');
    if (existsSync(chromium.executablePath())) return {};
  } catch {
    // no Playwright browser either
  }
  return {
    missing:
      'No Chromium found for the tests. Install one: Debian/Ubuntu `sudo apt-get install chromium`, macOS `brew install --cask chromium` ' +
      '(or Google Chrome), Windows Google Chrome; or `npx playwright install chromium`. Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  };
}
