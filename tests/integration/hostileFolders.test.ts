/**
 * `npm run storybook` (scripts/storybook.mjs) on the hostile-folders set (tests/support/hostileFolders.ts):
 * it listens on loopback only, answers 404 for what a widget folder must not serve, indexes every
 * folder once with a unique id, shows a bad folder's problem on its story, and stays up while a
 * folder turns bad under its watcher.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';
import { CLASHING_NAMES, LINE_SEPARATOR_NAME, SECRET, URL_MARK_NAMES, writeHostileFolders, type HostileSet } from '../support/hostileFolders';
import { freePort, waitUntil } from '../support/processes';
import { generatedStoriesDir } from '../../src/node/widgets/workbenchStories';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let work: string;
let set: HostileSet;
let server: ChildProcess;
let port: number;
let baseUrl: string;
let browser: Browser;
let output = '';

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'wb-hostile-dev-'));
  set = writeHostileFolders(work);
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // No --host: the wrapper's default is what is tested.
  server = spawn(process.execPath, [path.join(root, 'scripts/storybook.mjs'), '-p', String(port), '--ci', '--no-open'], {
    cwd: root,
    env: { ...process.env, WIDGETS_DIR: set.widgetsDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await waitUntil(
    async () => (await fetch(`${baseUrl}/index.json`)).ok,
    90_000,
    () => `storybook dev did not start:\n${output.slice(-3000)}`,
  );
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  // The wrapper and the Storybook it started: the whole process group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
  if (set) rmSync(generatedStoriesDir(root, set.widgetsDir), { recursive: true, force: true });
});

const served = (folder: string, file: string) => fetch(`${baseUrl}/_workbench/widgets/${encodeURIComponent(folder)}/${file}`);

async function entries(): Promise<Record<string, { id: string; title: string; name: string }>> {
  return ((await (await fetch(`${baseUrl}/index.json`)).json()) as { entries: Record<string, { id: string; title: string; name: string }> }).entries;
}

/** Listening sockets of this port from /proc (Linux): the local addresses, hex as the kernel writes them. */
function listeningAddresses(): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .filter((file) => existsSync(file))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
    .map((cols) => cols[1]!.split(':')[0]!);
}

describe('safe on any network', () => {
  it('listens on loopback only', async () => {
    if (process.platform === 'linux') {
      const addresses = listeningAddresses();
      expect(addresses.length).toBeGreaterThan(0);
      // 127.0.0.1, or ::1 (IPv6 loopback, also as an IPv4-mapped 127.0.0.1).
      for (const address of addresses) expect(['0100007F', '00000000000000000000000001000000', '0000000000000000FFFF00000100007F']).toContain(address);
    }
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    if (external) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: external.address, port }, () => (socket.destroy(), resolve(true)));
        socket.on('error', () => resolve(false));
      });
      expect(reached).toBe(false);
    }
  });

  it.each([
    ['.env'],
    ['.git/config'],
    ['node_modules/pkg/index.js'],
    ['linked-private.txt'],
    ['linked-dir/private.txt'],
    ['%2e%2e/%2e%2e/outside/private.txt'],
    ['..%2f..%2foutside%2fprivate.txt'],
    ['mocks/%2e%2e/.env'],
  ])('answers 404 for %s', async (file) => {
    const response = await fetch(`${baseUrl}/_workbench/widgets/dotfiles/${file}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('serves the widget, its mocks and a symlinked folder', async () => {
    expect((await served('dotfiles', 'personal_page.js')).status).toBe(200);
    expect((await served('dotfiles', 'mocks/handlers.js')).status).toBe(200);
    expect(await (await served('linked-widget', 'personal_page.js')).text()).toContain('linked build output');
  });

  it('indexes every folder once with a unique id; clashing names get a suffix', async () => {
    const index = await entries();
    // One Default story per folder (each folder also has its states, under the same title).
    const defaults = Object.values(index).filter((e) => e.title.startsWith('Widgets/') && e.id.endsWith('--default'));
    const titles = defaults.map((e) => e.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(defaults.map((e) => e.id)).size).toBe(defaults.length);
    // Every other story of a folder shares its Default's title.
    expect(Object.values(index).filter((e) => e.title.startsWith('Widgets/') && !titles.includes(e.title))).toEqual([]);
    for (const title of [
      'Widgets/Foo',
      'Widgets/foo (2)',
      'Widgets/a-b',
      'Widgets/a.b (2)',
      'Widgets/my widget',
      'Widgets/my_widget (2)',
      'Widgets/привет',
      'Widgets/пример',
      `Widgets/${LINE_SEPARATOR_NAME}`,
      'Widgets/linked-widget',
      'Widgets/manifest-is-folder',
    ]) {
      expect(titles).toContain(title);
    }
    expect(titles.filter((t) => CLASHING_NAMES.some((name) => t === `Widgets/${name}` || t.startsWith(`Widgets/${name} (`)))).toHaveLength(
      CLASHING_NAMES.length,
    );
    expect(Object.keys(index)).toEqual(expect.arrayContaining(['widgets-foo--default', 'widgets-foo-2--default', 'widgets-привет--default']));
  });

  it('shows a bad folder’s problem on its story, and a widget with a line separator in its name runs as a widget', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/iframe.html?id=widgets-manifest-is-folder--default&viewMode=story`);
    await page.locator('[data-problem="not-a-file"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-problem="not-a-file"]').textContent()).toContain('manifest.json is a folder, not a file.');
    const id = Object.entries(await entries()).find(([, e]) => e.title === `Widgets/${LINE_SEPARATOR_NAME}`)![0];
    await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    await page.locator('.js-widgets-bar-item-container', { hasText: 'line separator' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (globalThis as { __hostileRan?: boolean }).__hostileRan)).toBeUndefined();
    await page.goto(`${baseUrl}/iframe.html?id=widgets-%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82--default&viewMode=story`);
    await page.locator('.js-widgets-bar-item-container', { hasText: 'привет' }).waitFor({ timeout: 30_000 });
    await page.close();
  });

  it('runs a widget whose folder name a URL would read as a hash, a query or a separator; names mocks Vite cannot import', async () => {
    const page = await browser.newPage();
    const ids = Object.fromEntries(
      Object.entries(await entries())
        .filter(([id]) => id.endsWith('--default'))
        .map(([id, e]) => [e.title, id]),
    );
    for (const name of URL_MARK_NAMES) {
      await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(ids[`Widgets/${name}`]!)}&viewMode=story`);
      await page.locator('.js-widgets-bar-item-container', { hasText: name }).waitFor({ timeout: 30_000 });
      const problem = page.locator('[data-problem="mocks-path"]');
      if (/[#?]/.test(name)) expect(await problem.textContent({ timeout: 10_000 })).toContain('which Vite cannot import from');
      else expect(await problem.count()).toBe(0);
    }
    await page.close();
  });

  it('stays up while a folder turns bad under its watcher, and shows the new problem', async () => {
    rmSync(path.join(set.widgetsDir, 'Foo', 'manifest.json'));
    mkdirSync(path.join(set.widgetsDir, 'Foo', 'manifest.json'));
    rmSync(path.join(set.widgetsDir, 'a-b', 'i18n'), { recursive: true, force: true });
    await waitUntil(
      async () => {
        const page = await browser.newPage();
        try {
          await page.goto(`${baseUrl}/iframe.html?id=widgets-foo--default&viewMode=story`);
          return await page
            .locator('[data-problem="not-a-file"]')
            .isVisible({ timeout: 5_000 })
            .catch(() => false);
        } finally {
          await page.close();
        }
      },
      // ~20 s alone on 2 cores (the watcher's debounce, a new index, a page per try); more beside other suites.
      60_000,
      () => `the story of Foo never showed the problem:\n${output.slice(-2000)}`,
    );
    expect((await fetch(`${baseUrl}/index.json`)).ok).toBe(true);
  });
});
