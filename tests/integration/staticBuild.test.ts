/**
 * The static build, as a user gets it: `storybook build` with WIDGETS_DIR naming a folder outside
 * the repository, served under a sub-path, opened in headless Chromium.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTypedWidget } from '../support/buildTypedWidget';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';
import { run } from '../support/processes';
import { serveFolder, type ServedFolder } from '../support/serveFolder';
import { generatedStoriesDir } from '../../src/node/widgets/workbenchStories';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SUB_PATH = '/some/sub/path/';
let work: string;
let widgets: string;
let outDir: string;
let buildOutput = '';
let site: ServedFolder;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'wb-static-'));
  // A widget folder created here, outside the repository, and the probe fixture copied beside it.
  widgets = path.join(work, 'my-widgets');
  mkdirSync(path.join(widgets, 'temp-widget'), { recursive: true });
  writeFileSync(path.join(widgets, 'temp-widget', 'manifest.json'), JSON.stringify({ widget: { name: 'Temp' }, locations: ['personal_page'] }));
  writeFileSync(
    path.join(widgets, 'temp-widget', 'personal_page.js'),
    `define(['amocrm-sdk'], function (init) {
      var sdk = init({ version: '1.0.0' });
      var greeting = null;
      var slot = null;
      function render() { if (slot) slot.textContent = 'Temp widget for deal ' + sdk.methods.getRouterQuery().leadId + (greeting ? ': ' + greeting : ''); }
      return {
        initLead: function (params) {
          fetch('https://temp-backend.example/greeting', { headers: { 'X-Auth-Token': params.token } })
            .then(function (r) { return r.json(); })
            .then(function (body) { greeting = body.greeting; render(); });
        },
        registerWidgetsBarSlot: function (el) { slot = el; render(); },
      };
    });`,
  );
  // The folder's own mocks: a bare 'msw' import and the workbench's helper id, from outside the repo.
  mkdirSync(path.join(widgets, 'temp-widget', 'mocks'));
  writeFileSync(
    path.join(widgets, 'temp-widget', 'mocks', 'handlers.js'),
    `import { http, HttpResponse } from 'msw';
    import { withVerifiedToken } from '@amocrm-workbench/mocks';
    export const handlers = [
      http.get('https://temp-backend.example/greeting', withVerifiedToken(({ claims }) => HttpResponse.json({ greeting: 'hello account ' + claims.account_id }))),
    ];`,
  );
  cpSync(path.join(root, 'tests/fixtures/widgets/probe'), path.join(widgets, 'probe'), { recursive: true });
  // Mocks that do not parse, import a package nobody installed or a Node built-in, throw while they
  // load, or have no `handlers` export: that widget's problem, not the build's.
  for (const [name, mocks] of [
    ['broken-mocks', "import { http } from 'msw';\nexport const handlers = [http.get('https://x.example', () => {})\n"],
    ['uninstalled-mocks', "import { faker } from '@faker-js/faker';\nexport const handlers = [];\n"],
    ['misnamed-mocks', "import { http, HttpRespons } from 'msw';\nexport const handlers = [];\n"],
    ['node-fs-mocks', "import { readFileSync } from 'node:fs';\nexport const handlers = JSON.parse(readFileSync('docs.json', 'utf8'));\n"],
    ['throwing-mocks', 'const root = __dirname;\nexport const handlers = [];\n'],
    ['default-mocks', "import { http, HttpResponse } from 'msw';\nexport default [http.get('https://x.example', () => HttpResponse.json({}))];\n"],
    // A CSV fixture without ?raw parses as JavaScript, without the default export taken from it.
    ['csv-mocks', "import documents from './documents.csv';\nexport const handlers = [documents];\n"],
  ]) {
    mkdirSync(path.join(widgets, name!, 'mocks'), { recursive: true });
    writeFileSync(path.join(widgets, name!, 'manifest.json'), JSON.stringify({ widget: { name }, locations: ['personal_page'] }));
    writeFileSync(
      path.join(widgets, name!, 'personal_page.js'),
      `define([], function () { return { initLead: function () {}, registerWidgetsBarSlot: function (el) { el.textContent = 'Widget ${name}'; } }; });`,
    );
    writeFileSync(path.join(widgets, name!, 'mocks', 'handlers.js'), mocks!);
  }
  writeFileSync(path.join(widgets, 'csv-mocks', 'mocks', 'documents.csv'), 'id,title\n1,Contract\n');
  // A folder whose name needs URL encoding, holding what must never reach a build: a dotfile and a link out.
  const spaced = path.join(widgets, 'мой виджет');
  mkdirSync(spaced);
  writeFileSync(path.join(spaced, 'manifest.json'), JSON.stringify({ widget: { name: 'Spaced' }, locations: ['personal_page'] }));
  writeFileSync(
    path.join(spaced, 'personal_page.js'),
    `define([], function () { return { initLead: function () {}, registerWidgetsBarSlot: function (el) { el.textContent = 'Виджет из папки с пробелом'; } }; });`,
  );
  writeFileSync(path.join(spaced, '.env'), 'CLIENT_SECRET=must-not-be-built');
  writeFileSync(path.join(work, 'outside.txt'), 'outside the widget folder');
  symlinkSync(path.join(work, 'outside.txt'), path.join(spaced, 'outside-link.txt'));
  // A TypeScript widget, compiled by tsc and bundled to AMD by the developer's own build.
  await buildTypedWidget(root, path.join(widgets, 'typed-widget'), work);

  outDir = path.join(work, 'storybook-static');
  buildOutput = await run(path.join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '-o', outDir], {
    cwd: root,
    env: { ...process.env, WIDGETS_DIR: widgets },
  });

  site = await serveFolder(outDir, { subPath: SUB_PATH });
  baseUrl = site.url;
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  // The stories this test's WIDGETS_DIR generated in the checkout.
  if (widgets) rmSync(generatedStoriesDir(root, widgets), { recursive: true, force: true });
});

async function openStory(id: string, query = ''): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ timezoneId: 'UTC', locale: 'en-US' });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}iframe.html?id=${id}&viewMode=story${query}`);
  return { page, requests, errors };
}

describe('storybook build', () => {
  it('prints no warning about the workbench’s own packages, which a widget developer cannot act on', () => {
    expect(buildOutput).not.toMatch(/externalized for browser compatibility/);
  });

  it('indexes the seed widget and the folders named by WIDGETS_DIR', () => {
    const index = JSON.parse(readFileSync(path.join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, { title: string }> };
    expect(index.entries['widgets-hello-world--default']?.title).toBe('Widgets/hello-world');
    expect(index.entries['widgets-temp-widget--default']?.title).toBe('Widgets/temp-widget');
    expect(index.entries['widgets-probe--default']?.title).toBe('Widgets/probe');
  });

  it('copies only what a widget folder serves, and no absolute path of this machine', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(outDir);
    const spaced = path.join(outDir, '_workbench/widgets/мой виджет');
    expect(
      files
        .filter((f) => f.startsWith(spaced + path.sep))
        .map((f) => path.relative(spaced, f))
        .sort(),
    ).toEqual(['manifest.json', 'personal_page.js']);
    // An absolute path starts a token: `../../tmp/x` (a relative path a widget's own bundler wrote) is not one.
    const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const machinePaths = [root, work, tmpdir(), homedir()].map((p) => new RegExp(`(?<![\\w.-])${escape(p + path.sep)}`));
    const offenders: string[] = [];
    for (const file of files) {
      if (!/\.(js|json|html|css|map|txt|ts)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const machinePath of machinePaths) if (machinePath.test(text)) offenders.push(`${path.relative(outDir, file)} contains ${machinePath.source}`);
    }
    expect(offenders).toEqual([]);
  });

  it('builds despite a widget whose mocks do not parse, import what is not there, throw or export no handlers, showing each as that story’s problem', async () => {
    for (const [id, reason] of [
      ['widgets-broken-mocks--default', /mocks\/handlers\.js does not parse: .* \(line 3, column \d+\); the story runs without the folder's handlers\./],
      ['widgets-misnamed-mocks--default', /mocks\/handlers\.js imports "HttpRespons" \(did you mean "HttpResponse"\?\) from "msw", which does not export it/],
      ['widgets-uninstalled-mocks--default', /mocks\/handlers\.js imports "@faker-js\/faker", which is not installed; .* \(npm i -D @faker-js\/faker\)\./],
      ['widgets-node-fs-mocks--default', /mocks\/handlers\.js imports "node:fs", a Node built-in the browser does not have/],
      [
        'widgets-throwing-mocks--default',
        /mocks\/handlers\.js threw while it loaded: ReferenceError: __dirname is not defined \(a mocks file runs in the browser, without Node's globals\)/,
      ],
      ['widgets-default-mocks--default', /mocks\/handlers\.js has its handlers as the default export, not as "handlers"/],
      [
        'widgets-csv-mocks--default',
        /mocks\/handlers\.js imports "\.\/documents\.csv", which the build reads as a module without "default", .* import text from '\.\/documents\.csv\?raw'\./,
      ],
    ] as const) {
      const { page } = await openStory(id);
      await page.locator('.js-widgets-bar-item-container', { hasText: `Widget ${id.split('--')[0]!.slice('widgets-'.length)}` }).waitFor();
      const problem = page.locator('.wb-strip [data-problem="bad-mocks"]');
      expect(await problem.textContent()).toMatch(reason);
      await page.close();
    }
  });

  it('renders a widget from a folder named with spaces and Cyrillic letters', async () => {
    const { page, errors } = await openStory(encodeURIComponent('widgets-мой-виджет--default'));
    await page.getByText('Виджет из папки с пробелом').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders hello-world under a sub-path without downloading React, Redux or lodash', async () => {
    const { page, requests, errors } = await openStory('widgets-hello-world--default');
    await page.getByText('Hello world!').waitFor({ timeout: 20_000 });
    expect(await page.locator('.js-widgets-bar-item-container').textContent()).toBe('Hello world!');
    const chunks = requests.filter((url) => url.includes('/assets/')).map((url) => path.basename(new URL(url).pathname));
    expect(chunks.some((name) => name.startsWith('jquery'))).toBe(true);
    // MSW and Storybook's runtime come as the prebuilt files written beside the chunks (src/node/patches/prebuiltVendor/).
    expect(chunks.filter((name) => /^msw-[\w-]+\.js$/.test(name))).toHaveLength(1);
    expect(chunks.filter((name) => /^storybook-preview-runtime-[\w-]+\.js$/.test(name))).toHaveLength(1);
    for (const heavy of [/^react/, /redux/, /^lodash/]) {
      expect(chunks.filter((name) => heavy.test(name))).toEqual([]);
    }
    expect(requests.every((url) => url.startsWith(baseUrl))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders a widget from a temporary folder outside the repository, answered by its own mocks', async () => {
    const { page, errors } = await openStory('widgets-temp-widget--default');
    await page.getByText(/^Temp widget for deal \d+: hello account 31000001$/).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('mounts a TypeScript widget compiled with tsc and bundled to AMD', async () => {
    const { page, errors } = await openStory('widgets-typed-widget--default');
    await page.getByText('Typed widget: Принимают решение, 16.03.2026, token received').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('mounts a widget served by a separate local HTTP server with AMOCRM.developer.addWidget', async () => {
    const widgetServer = createServer((req, res) => {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(`define(['amocrm-sdk'], function (init) {
        var sdk = init({ version: '1.0.0' });
        var token = null;
        return {
          initLead: function (params) { token = params.token; },
          registerWidgetsBarSlot: function (el) { el.textContent = 'From my dev server, token ' + JSON.stringify(token) + ', lead ' + sdk.methods.getRouterQuery().leadId; },
        };
      });`);
    });
    await new Promise<void>((resolve) => widgetServer.listen(0, '127.0.0.1', resolve));
    const script = `http://127.0.0.1:${(widgetServer.address() as { port: number }).port}/personal_page.js`;
    try {
      const { page } = await openStory('widgets-hello-world--default');
      await page.getByText('Hello world!').waitFor({ timeout: 20_000 });
      await page.evaluate((url) => window.AMOCRM!.developer!.addWidget({ script: url, token: 'foo' }), script);
      await page.getByText(/^From my dev server, token "foo", lead \d+$/).waitFor({ timeout: 20_000 });
      expect(await page.getByText('Hello world!').count()).toBe(0);
      await page.close();
    } finally {
      await new Promise((resolve) => widgetServer.close(resolve));
    }
  });

  it('gives the probe widget the spec behaviour of every host module and SDK rule', async () => {
    const { page, requests } = await openStory('widgets-probe--default');
    const report = page.locator('[data-probe-report]');
    await report.waitFor({ timeout: 20_000 });
    const { checks } = JSON.parse((await report.textContent())!) as { checks: { name: string; ok: boolean; detail: string }[] };
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(22);
    // The positive control of the hello-world test: a widget that defines React gets its chunks.
    const chunks = requests.map((url) => path.basename(new URL(url).pathname));
    for (const expected of [/^react-[\w-]+\.js$/, /^react-dom-client-/, /^redux-toolkit/, /^lodash/]) {
      expect(chunks.some((name) => expected.test(name))).toBe(true);
    }
    await page.close();
  });
});

describe('the Widget doctor panel', () => {
  it('lists the findings of the story in the manager, one line each', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${baseUrl}?path=/story/doctor--leaked-timer`);
    await page.getByRole('tab', { name: 'Widget doctor' }).click({ timeout: 30_000 });
    const line = page.locator('[data-doctor-findings] li[data-code="leaked-timer"]');
    await line.waitFor({ timeout: 30_000 });
    expect(await line.textContent()).toBe(
      'leaked-timerdoctor-leaked-timer left an interval (60000 ms) pending after its cleanups ran (on a deal switch); clear it in a cleanup.widget: doctor-leaked-timer · expected by the story',
    );
    await page.close();
  });
});

describe('MSW in the built Storybook', () => {
  it('registers the worker under the sub-path and answers with the story scenario', async () => {
    const { page } = await openStory('backend-deal-documents--empty');
    await page.getByText('По этой сделке документов пока нет.').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${baseUrl}mockServiceWorker.js`);
    await page.close();
  });

  it('lets the page load its own files past the worker, and still answers the widget’s fetches', async () => {
    const { page } = await openStory('widgets-temp-widget--default');
    await page.getByText(/^Temp widget for deal \d+: hello account 31000001$/).waitFor({ timeout: 20_000 });
    // Reloaded, so the worker controls the page from its first request.
    const responses: { url: string; fromWorker: boolean }[] = [];
    page.on('response', (response) => responses.push({ url: response.url(), fromWorker: response.fromServiceWorker() }));
    await page.reload();
    await page.getByText(/^Temp widget for deal \d+: hello account 31000001$/).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const widgetScript = responses.find(({ url }) => url.endsWith('/temp-widget/personal_page.js') || url.includes('/temp-widget/personal_page.js?'));
    expect(widgetScript).toEqual({ url: expect.any(String), fromWorker: false });
    const chunks = responses.filter(({ url }) => url.includes('/assets/') && url.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter(({ fromWorker }) => fromWorker)).toEqual([]);
    // The widget's backend call is answered by its mocks through the worker.
    expect(responses.find(({ url }) => url === 'https://temp-backend.example/greeting')).toEqual({
      url: 'https://temp-backend.example/greeting',
      fromWorker: true,
    });
    await page.close();
  });

  it('refuses to build with a real WIDGET_CLIENT_SECRET unless told to', async () => {
    const attempt = run(path.join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '-o', path.join(work, 'never')], {
      cwd: root,
      env: { ...process.env, WIDGET_CLIENT_SECRET: 'a-real-client-secret' },
    });
    await expect(attempt).rejects.toThrow(/WIDGET_CLIENT_SECRET_IN_BUILD=1/);
  });
});

describe('controls and toolbar globals in the built Storybook', () => {
  const storyId = 'workbench-live-state--without-chrome';
  const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`).textContent();

  it('takes globals from the URL', async () => {
    const { page } = await openStory(storyId, '&globals=lang:es;dateFormat:americanInversed;timeFormat:twelve');
    await page.locator('[data-field="lang"]').waitFor({ timeout: 20_000 });
    expect(await field(page, 'lang')).toBe('lang: es');
    expect(await field(page, 'date')).toBe('date: 03/16/2026');
    expect(await field(page, 'time')).toMatch(/^time: 9:4\d AM$/);
    await page.close();
  });

  it("applies a global and an arg changed through Storybook's channel live, without a new initLead", async () => {
    const { page } = await openStory(storyId);
    await page.locator('[data-field="lang"]').waitFor({ timeout: 20_000 });
    const slot = await page.locator('.js-widgets-bar-item-container').elementHandle();
    await page.evaluate(() => {
      const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(e: string, p: unknown): void } }).__STORYBOOK_ADDONS_CHANNEL__;
      channel.emit('updateGlobals', { globals: { lang: 'pt' } });
    });
    await page.waitForFunction(() => document.querySelector('[data-field="lang"]')?.textContent === 'lang: pt');
    await page.evaluate((id) => {
      const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(e: string, p: unknown): void } }).__STORYBOOK_ADDONS_CHANNEL__;
      channel.emit('updateStoryArgs', { storyId: id, updatedArgs: { status: '142001' } });
    }, storyId);
    await page.waitForFunction(() => document.querySelector('[data-field="status"]')?.textContent === 'status: Contato inicial');
    expect(await field(page, 'initLead calls')).toBe('initLead calls: 1');
    expect(await field(page, 'sys callbacks')).toBe('sys callbacks: 1');
    expect(await field(page, 'lead callbacks')).toBe('lead callbacks: 2');
    expect(await slot!.evaluate((el) => el.isConnected)).toBe(true);
    await page.close();
  });
});
