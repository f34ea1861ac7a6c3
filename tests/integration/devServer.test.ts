/**
 * `storybook dev` as a developer uses it: WIDGETS_DIR names a folder outside the repository; an
 * edit of personal_page.js shows in the open story without a restart, and adding or removing a
 * widget folder adds or removes its story.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';
import { freePort, waitUntil as waitFor } from '../support/processes';
import { generatedStoriesDir } from '../../src/node/widgets/workbenchStories';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MANIFEST = JSON.stringify({
  widget: { name: 'Live', description: 'Live reload', short_description: 'Live', version: '1.0.0', interface_version: 2, locale: ['en'], installation: true },
  locations: ['personal_page'],
});
const script = (text: string) =>
  `define([], function () { return { initLead: function () {}, registerWidgetsBarSlot: function (el) { el.textContent = ${JSON.stringify(text)}; } }; });`;

let work: string;
let widgets: string;
let server: ChildProcess;
let baseUrl: string;
let browser: Browser;
let output = '';

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'wb-dev-'));
  widgets = path.join(work, 'widgets');
  writeWidget('live-widget', 'Version one');
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(path.join(root, 'node_modules/.bin/storybook'), ['dev', '-p', String(port), '--host', '127.0.0.1', '--ci', '--no-open'], {
    cwd: root,
    env: { ...process.env, WIDGETS_DIR: widgets },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await waitFor(
    async () => (await fetch(`${baseUrl}/index.json`)).ok,
    90_000,
    () => `storybook dev did not start:\n${output.slice(-3000)}`,
  );
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
  // The stories this test's WIDGETS_DIR generated in the checkout.
  if (widgets) rmSync(generatedStoriesDir(root, widgets), { recursive: true, force: true });
});

function writeWidget(name: string, text: string) {
  mkdirSync(path.join(widgets, name), { recursive: true });
  writeFileSync(path.join(widgets, name, 'manifest.json'), MANIFEST);
  writeFileSync(path.join(widgets, name, 'personal_page.js'), script(text));
}

async function storyIds(): Promise<string[]> {
  const index = (await (await fetch(`${baseUrl}/index.json`)).json()) as { entries: Record<string, unknown> };
  return Object.keys(index.entries);
}

/** Waits until the server's index lists `storyId` (a folder's story appears after the watcher reads it). */
function storyListed(storyId: string, failure: string): Promise<void> {
  return waitFor(
    async () => (await storyIds()).includes(storyId),
    60_000,
    () => failure,
  );
}

describe('storybook dev with WIDGETS_DIR', () => {
  it('shows an edit of personal_page.js in the open story, without a restart', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/iframe.html?id=widgets-live-widget--default&viewMode=story`);
    await page.getByText('Version one').waitFor({ timeout: 60_000 });
    writeWidget('live-widget', 'Version two');
    await page.getByText('Version two').waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('serves the host emulator as one module (src/node/devBundle), never its files one by one', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}/iframe.html?id=widgets-live-widget--default&viewMode=story`);
    await page.getByText('Version').first().waitFor({ timeout: 60_000 });
    await page.close();
    expect(requested).toContain('/@id/__x00__virtual:amo-workbench/host');
    // A host module served on its own would be a second instance beside the bundle's.
    // (src/preview/preview.ts is the preview entry Storybook loads; its imports read from the bundle.)
    expect(requested.filter((url) => /^\/(src|mocks)\/.*\.ts$/.test(url) && url !== '/src/preview/preview.ts')).toEqual([]);
  });

  it('serves the host bundle without its source map inlined, and the map apart, naming the served sources', async () => {
    const code = await (await fetch(`${baseUrl}/@id/__x00__virtual:amo-workbench/host`)).text();
    expect(code).not.toContain('sourceMappingURL=data:');
    const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    expect(mapUrl).toBe('/@amo-workbench/host-bundle.js.map');
    const map = (await (await fetch(`${baseUrl}${mapUrl}`)).json()) as { sources: string[]; mappings: string };
    expect(map.sources).toContain('/src/host/cabinet/createCabinet.ts');
    expect((await fetch(`${baseUrl}/src/host/cabinet/createCabinet.ts`)).ok).toBe(true);
    // Vite's edits of the module (import URLs) keep its lines: the map's line count is the module's.
    expect(map.mappings.split(';').length).toBeLessThanOrEqual(code.split('\n').length);
  });

  it('shows an edit of i18n/*.json and manifest.json in the accordion, without a restart', async () => {
    const dir = path.join(widgets, 'live-widget');
    const manifest = JSON.parse(MANIFEST) as { widget: Record<string, unknown> };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, widget: { ...manifest.widget, name: 'widget.name' } }));
    mkdirSync(path.join(dir, 'i18n'), { recursive: true });
    writeFileSync(path.join(dir, 'i18n', 'ru.json'), JSON.stringify({ widget: { name: 'Живой виджет' } }));
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/iframe.html?id=widgets-live-widget--default&viewMode=story`);
    await page.locator('.amo-widget__name', { hasText: 'Живой виджет' }).waitFor({ timeout: 30_000 });
    writeFileSync(path.join(dir, 'i18n', 'ru.json'), JSON.stringify({ widget: { name: 'Живой виджет, правка' } }));
    await page.locator('.amo-widget__name', { hasText: 'Живой виджет, правка' }).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('shows an edit of a widget that defines a custom element (the page reloads: its registry keeps the old class)', async () => {
    const dir = path.join(widgets, 'element-widget');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'manifest.json'), MANIFEST);
    const script = (text: string) =>
      `define([], function () { customElements.define('element-widget-badge', class extends HTMLElement { connectedCallback() { this.textContent = '${text}'; } });
        return { initLead: function () {}, registerWidgetsBarSlot: function (el) { el.appendChild(document.createElement('element-widget-badge')); } }; });`;
    writeFileSync(path.join(dir, 'personal_page.js'), script('First badge'));
    await storyListed('widgets-element-widget--default', 'the element widget got no story');
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/iframe.html?id=widgets-element-widget--default&viewMode=story`);
    await page.getByText('First badge').waitFor({ timeout: 60_000 });
    writeFileSync(path.join(dir, 'personal_page.js'), script('Edited badge'));
    await page.getByText('Edited badge').waitFor({ timeout: 20_000 });
    expect(await page.locator('.amo-widget__error').count()).toBe(0);
    await page.close();
  });

  it('answers with the edited mocks/handlers.js, without a restart', async () => {
    const dir = path.join(widgets, 'backed-widget');
    mkdirSync(path.join(dir, 'mocks'), { recursive: true });
    writeFileSync(path.join(dir, 'manifest.json'), MANIFEST);
    writeFileSync(
      path.join(dir, 'personal_page.js'),
      `define([], function () { var slot; var text = 'loading'; return {
        initLead: function () { fetch('https://live-backend.example/answer').then(function (r) { return r.json(); }).then(function (b) { text = 'answer ' + b.answer; if (slot) slot.textContent = text; }); },
        registerWidgetsBarSlot: function (el) { slot = el; el.textContent = text; } }; });`,
    );
    const handlers = (answer: number) =>
      `import { http, HttpResponse } from 'msw';\nexport const handlers = [http.get('https://live-backend.example/answer', () => HttpResponse.json({ answer: ${answer} }))];\n`;
    writeFileSync(path.join(dir, 'mocks', 'handlers.js'), handlers(1));
    await storyListed('widgets-backed-widget--default', 'the backed widget got no story');
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/iframe.html?id=widgets-backed-widget--default&viewMode=story`);
    await page.getByText('answer 1').waitFor({ timeout: 60_000 });
    writeFileSync(path.join(dir, 'mocks', 'handlers.js'), handlers(2));
    await page.getByText('answer 2').waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('marks a story with a problem in the sidebar, beside a usable cabinet, and clears it when a live reload fixes it', async () => {
    // A folder complete for the upload too, so once the finding is fixed nothing is left to show.
    const dir = path.join(widgets, 'status-widget');
    cpSync(path.join(root, 'widgets/hello-world'), dir, { recursive: true });
    const broken = `define(['amocrm-sdk'], function (init) { var sdk = init({ version: '1.0.0' }); return { initLead: function () {},
      registerWidgetsBarSlot: function (el) { try { sdk.methods.getState('deal'); } catch (e) {} el.textContent = 'Status widget'; } }; });`;
    writeFileSync(path.join(dir, 'personal_page.js'), broken);
    await storyListed('widgets-status-widget--default', 'the status widget got no story');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${baseUrl}/?path=/story/widgets-status-widget--default`);
    const status = page.locator('[data-item-id="widgets-status-widget--default"] [data-testid="tree-status-button"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.getAttribute('aria-label')).toBe('Test status: Error');
    const preview = page.frameLocator('#storybook-preview-iframe');
    await preview.locator('.wb-strip [data-problem="unknown-entity"]').waitFor({ timeout: 20_000 });
    // Not Storybook's error screen: the cabinet is there, and a deal switch works.
    // (iframe.html always holds the error screen, hidden; Storybook shows it with a class on <body>.)
    expect(await preview.locator('body.sb-show-errordisplay').count()).toBe(0);
    expect(await preview.getByText('The component failed to render properly').isVisible()).toBe(false);
    const other = preview.locator('button[data-lead-id]:not([aria-current="true"])').first();
    const leadId = await other.getAttribute('data-lead-id');
    await other.click();
    await preview.locator(`button[data-lead-id="${leadId}"][aria-current="true"]`).waitFor({ timeout: 10_000 });
    writeFileSync(path.join(dir, 'personal_page.js'), broken.replace(`sdk.methods.getState('deal')`, `sdk.methods.getState('lead')`));
    await status.waitFor({ state: 'detached', timeout: 30_000 });
    await preview.locator('.wb-strip[hidden]').waitFor({ state: 'attached', timeout: 10_000 });
    await page.close();
  });

  it('adds and removes the story of a widget folder that appears or goes away', async () => {
    writeWidget('fresh-widget', 'Fresh');
    await storyListed('widgets-fresh-widget--default', 'the new folder got no story');
    rmSync(path.join(widgets, 'fresh-widget'), { recursive: true, force: true });
    await waitFor(
      async () => !(await storyIds()).includes('widgets-fresh-widget--default'),
      60_000,
      () => 'the removed folder kept its story',
    );
    expect(await storyIds()).toContain('widgets-live-widget--default');
  });
});
