/**
 * The workbench as a widget developer gets it: `npm pack` of this repository, installed into a
 * fresh project outside it (`--prefer-offline`: CI reuses the machine's npm cache), then there:
 * `init` and `test` pass; a widget that leaks a subscription makes `test` exit 1 naming
 * `leaked-subscription`; `dev` serves the widget's story and none of the workbench's own; the
 * `build` output renders the widget under a sub-path.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';
import { freePort, waitUntil } from '../support/processes';
import { serveFolder } from '../support/serveFolder';
import { installPackedWorkbench } from '../support/installedWorkbench';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let work: string;
let project: string;
let bin: string;
let browser: Browser;
const children: ChildProcess[] = [];

function command(args: string[], env: NodeJS.ProcessEnv = {}): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [bin, ...args], {
      cwd: project,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 240_000,
    });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'wb-installed-'));
  ({ project, bin } = installPackedWorkbench(root, work));
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already stopped by its test
    }
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A package in the project's node_modules, as npm would install it. */
function writeProjectPackage(name: string, files: Record<string, string>): void {
  const dir = path.join(project, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
}

/** A widget's own Vite config, which the workbench's Storybook must not read: it throws outside the widget's build. */
const WIDGET_VITE_CONFIG =
  "if (!process.env.WIDGET_API_URL) throw new Error('vite.config.mjs read: set WIDGET_API_URL');\nexport default { build: { lib: { entry: 'src/main.js', formats: ['umd'], name: 'W' } } };\n";

describe('amo-workbench, installed from the packed tarball', () => {
  it('init writes a widget, and test passes on it as written', () => {
    const init = command(['init']);
    expect(init.status, init.output).toBe(0);
    // Written into the current folder: nothing to cd into.
    expect(init.output).toContain('Next: npx amo-workbench dev');
    expect(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).scripts).toMatchObject({
      dev: 'amo-workbench dev',
      test: 'amo-workbench test',
    });
    const test = command(['test'], { CI: '' });
    expect(test.output.trim().split('\n').at(-1), test.output.slice(-3000)).toBe('44 passed, 0 failed'); // 11 states x 4 languages, each checked and captured
    expect(test.status).toBe(0);
    // The workbench's own steps (the Storybook build) print nothing when they go well.
    expect(test.output).not.toContain('Building storybook');
    expect(readdirSync(path.join(project, '.amo-workbench', 'baselines')).length).toBe(1);
    expect(command(['validate']).status).toBe(0);
  });

  it('runs its Node code compiled, without a TypeScript loader', () => {
    const installed = path.join(project, 'node_modules', 'amo-workbench');
    const main = readFileSync(path.join(installed, 'dist', 'node', 'cli', 'main.js'), 'utf8');
    expect(main).toContain("import('./testCommand.js')");
    expect(main).not.toMatch(/from '\.{1,2}\/[^']*\.ts'/);
    // The repository's own copy is removed after packing (postpack): it always runs its sources.
    expect(() => readdirSync(path.join(root, 'dist'))).toThrow();
    const help = command(['--help']);
    expect(help.status, help.output).toBe(0);
    // Written by the test command above.
    const generated = readFileSync(path.join(project, 'amo-workbench-stories', 'main.ts'), 'utf8');
    expect(generated).toContain(JSON.stringify(path.join(installed, 'dist', 'node', 'preset.js')));
  });

  it('test passes on a widget whose folder name a URL reads as separators (served under a plain segment), with a WIDGET_CLIENT_SECRET of its own', () => {
    // A static server decodes paths with decodeURI (sirv does), which leaves %26 and %3B encoded:
    // the script of a folder served under its own name was a 404 in every story.
    const folder = path.join(work, 'Deals & Docs; v2');
    for (const file of ['manifest.json', 'personal_page.js', 'script.js', 'i18n', 'images', 'mocks'])
      cpSync(path.join(project, file), path.join(folder, file), { recursive: true });
    // The developer's real secret in the environment: the test's build is never published, so it signs with it (as dev does).
    const test = command(['test', folder], { CI: '', WIDGET_CLIENT_SECRET: 'the-developers-own-client-secret' });
    expect(test.output.trim().split('\n').at(-1), test.output.slice(-3000)).toBe('44 passed, 0 failed');
  });

  it('test names an ES module instead of an AMD one, with the fix, on every failing line', () => {
    const folder = path.join(work, 'esm-widget');
    for (const file of ['manifest.json', 'i18n', 'images']) cpSync(path.join(project, file), path.join(folder, file), { recursive: true });
    writeFileSync(path.join(folder, 'personal_page.js'), "import sdk from 'amocrm-sdk';\nexport default { initLead() {}, registerWidgetsBarSlot() {} };\n");
    const test = command(['test', folder], { CI: '' });
    const lines = test.output.split('\n').filter((line) => line.startsWith('FAIL '));
    expect(lines.length, test.output.slice(-3000)).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/load-failure: .*Cannot use import statement outside a module.* Fix: personal_page\.js is an ES module; /);
  });

  it("gives a TypeScript widget its types by the package's name, under nodenext (tsc --init's) and bundler resolution", () => {
    const dir = path.join(project, 'typed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'widget.ts'),
      `/// <reference types="amo-workbench/host-modules" />
import type { PersonalPageWidget, InitLeadParams } from 'amo-workbench';
import initAmocrmWidgetSdk from 'amocrm-sdk';
import { withVerifiedToken } from 'amo-workbench/mocks';
const sdk = initAmocrmWidgetSdk({ version: '1.0.0' });
export const widget: PersonalPageWidget = {
  initLead(params: InitLeadParams) {
    return () => console.log(params.token, sdk.methods.getState(sdk.constants.PUBLIC_STATE_ENTITIES.lead)?.id);
  },
  registerWidgetsBarSlot(el) {
    el.textContent = 'typed';
  },
};
export const resolver = withVerifiedToken(({ claims }) => Response.json({ account: claims.account_id }));
`,
    );
    for (const resolution of ['nodenext', 'bundler']) {
      const module = resolution === 'nodenext' ? 'nodenext' : 'esnext';
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            module,
            moduleResolution: resolution,
            target: 'es2022',
            lib: ['es2022', 'dom'],
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          files: ['widget.ts'],
        }),
      );
      try {
        execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const e = error as { stdout: string; stderr: string };
        expect.fail(`tsc with moduleResolution ${resolution}:\n${e.stdout}${e.stderr}`);
      }
    }
  });

  it('test exits 1 naming leaked-subscription for a widget that leaks one', () => {
    const file = path.join(project, 'personal_page.js');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('        unsubscribeLead();', '        // forgotten: unsubscribeLead();'));
    try {
      const test = command(['test']);
      expect(test.status, test.output.slice(-3000)).toBe(1);
      expect(test.output, test.output.slice(-2000)).toMatch(
        /^FAIL stories: Widgets\/my-widget › Default \[ru\]: leaked-subscription: my-widget still subscribes to "lead" after its cleanups ran \(on unmount\)/m,
      );
      expect(test.output.trim().split('\n').at(-1)).toBe('0 passed, 44 failed'); // every state leaks in every language
    } finally {
      writeFileSync(file, original);
    }
  });

  it('test fails each story with bad-mocks, not the build, for a mocks file that does not parse', () => {
    const file = path.join(project, 'mocks', 'handlers.js');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\nexport const broken = ;\n`);
    try {
      const test = command(['test']);
      expect(test.status, test.output.slice(-3000)).toBe(1);
      expect(test.output, test.output.slice(-2000)).toMatch(
        /^FAIL stories: Widgets\/my-widget › Default \[ru\]: bad-mocks: mocks\/handlers\.js does not parse: Unexpected token \(line \d+, column 23\)/m,
      );
      // Only the stories whose captures still match pass: none, as the handlers are gone.
      expect(test.output.trim().split('\n').at(-1)).toBe('0 passed, 44 failed');
    } finally {
      writeFileSync(file, original);
    }
  });

  it('test fails in one line, with the build’s own output, when the Storybook build fails (a YAML fixture and no plugin to read it)', () => {
    const file = path.join(project, 'mocks', 'handlers.js');
    const original = readFileSync(file, 'utf8');
    const fixture = path.join(project, 'mocks', 'documents.yaml');
    writeFileSync(fixture, 'documents:\n  - name: Contract one\n');
    writeFileSync(file, `import documents from './documents.yaml';\n${original}\nconsole.log(documents);\n`);
    try {
      const test = command(['test']);
      expect(test.status, test.output.slice(-3000)).toBe(1);
      expect(test.output).toContain('The Storybook build of the widgets failed:');
      expect(test.output).toContain('documents.yaml:2:');
      expect(test.output).toContain('FAIL stories: Storybook build: the Storybook build failed (its output is above)');
      expect(test.output.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    } finally {
      writeFileSync(file, original);
      rmSync(fixture);
    }
  });

  it('init and test work in a linked layout (npm --install-strategy=linked, as pnpm), where the project sees only amo-workbench', () => {
    const linked = installPackedWorkbench(root, work, 'linked-widget', 'linked');
    expect(readdirSync(path.join(linked.project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['amo-workbench']);
    const run = (args: string[]) =>
      execFileSync(process.execPath, [linked.bin, ...args], {
        cwd: linked.project,
        env: { ...process.env, CI: '' },
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 240_000,
      });
    run(['init']);
    const test = run(['test']);
    expect(test.trim().split('\n').at(-1), test.slice(-3000)).toBe('44 passed, 0 failed');
  }, 400_000);

  it('dev serves the widget’s story and none of the workbench’s own, without reading the project’s vite.config or warning about the workbench’s internals', async () => {
    writeFileSync(path.join(project, 'vite.config.mjs'), WIDGET_VITE_CONFIG);
    // The mocks import a package of the project's, an ES module that imports CommonJS (as socket.io's
    // parser imports debug): Vite must pre-bundle it, which it does only for an import from the folder.
    const handlersFile = path.join(project, 'mocks', 'handlers.js');
    const handlers = readFileSync(handlersFile, 'utf8');
    writeProjectPackage('mock-greetings', {
      'package.json': JSON.stringify({ name: 'mock-greetings', version: '1.0.0', type: 'module', main: 'index.js' }),
      'index.js': "import words from './words.cjs';\nexport const greet = (id) => words.hello + ', account ' + id + '!';\n",
      'words.cjs': "module.exports = { hello: 'Hello' };\n",
    });
    writeFileSync(
      handlersFile,
      `import { greet } from 'mock-greetings';\n${handlers.replace("'Hello, account ' + claims.account_id + '!'", 'greet(claims.account_id)')}`,
    );
    expect(readFileSync(handlersFile, 'utf8')).toContain('greet(claims.account_id)');
    try {
      const port = await freePort();
      const child = spawn(process.execPath, [bin, 'dev', '-p', String(port), '--ci'], { cwd: project, stdio: 'ignore', detached: true });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitUntil(
        async () => (await fetch(`${url}/index.json`)).ok,
        120_000,
        () => 'amo-workbench dev did not start',
      );
      const ids = Object.keys(((await (await fetch(`${url}/index.json`)).json()) as { entries: Record<string, unknown> }).entries);
      // The widget's states (it has mocks/handlers.js) and their overview; nothing of the workbench's own.
      expect(
        ids.every((id) => id.startsWith('widgets-my-widget--')),
        ids.join(', '),
      ).toBe(true);
      expect(ids).toEqual(
        expect.arrayContaining([
          'widgets-my-widget--default',
          'widgets-my-widget--deal-without-company',
          'widgets-my-widget--loading',
          'widgets-my-widget--offline',
          'widgets-my-widget--all-states',
        ]),
      );
      expect(ids).toHaveLength(12);
      const page = await browser.newPage();
      const warnings: string[] = [];
      // A preview with a `process` global, as a Storybook of the developer's own may give it: the clock's
      // package then reads Node's `util`, which the dev server's pre-bundle must answer.
      await page.addInitScript('globalThis.process = { env: {} };');
      page.on('console', (m) => ['warning', 'error'].includes(m.type()) && warnings.push(m.text()));
      await page.goto(`${url}/iframe.html?id=widgets-my-widget--default&viewMode=story`);
      await page.locator('.js-widgets-bar-item-container', { hasText: 'Hello, account 31000001!' }).waitFor({ timeout: 60_000 });
      await page.close();
      expect(warnings.filter((text) => text.includes('externalized for browser compatibility'))).toEqual([]);
    } finally {
      rmSync(path.join(project, 'vite.config.mjs'));
      writeFileSync(handlersFile, handlers);
    }
  });

  it('build output renders the widget under a sub-path', async () => {
    const out = path.join(work, 'static');
    writeFileSync(path.join(project, 'vite.config.mjs'), WIDGET_VITE_CONFIG);
    const build = command(['build', '-o', out]);
    rmSync(path.join(project, 'vite.config.mjs'));
    expect(build.status, build.output.slice(-2000)).toBe(0);
    // No path of this machine (the project, the installed package) in what a reviewer is sent.
    const offenders = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(js|json|html|css)$/.test(file))
      .filter((file) => readFileSync(path.join(out, file), 'utf8').includes(work));
    expect(offenders).toEqual([]);
    const site = await serveFolder(out, { subPath: '/reviews/my-widget/' });
    try {
      const page = await browser.newPage();
      const log: string[] = [];
      page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
      await page.goto(`${site.url}iframe.html?id=widgets-my-widget--default&viewMode=story`);
      await page
        .locator('.js-widgets-bar-item-container', { hasText: 'Hello, account 31000001!' })
        .waitFor({ timeout: 30_000 })
        .catch(async (error: Error) => {
          throw new Error(
            `${error.message}\nslot: ${await page
              .locator('.js-widgets-bar-item-container')
              .textContent()
              .catch(() => 'none')}\n${log.join('\n')}`,
          );
        });
      await page.close();
    } finally {
      await site.close();
    }
  });

  it('the preset in a Storybook of the developer’s own: hand-written stories by the package’s names, with the folder’s parameters', async () => {
    // A Storybook configured by hand, beside the widget folder (the project's root).
    const configDir = path.join(project, '.storybook');
    mkdirSync(configDir, { recursive: true });
    mkdirSync(path.join(project, 'stories'), { recursive: true });
    writeFileSync(
      path.join(configDir, 'main.ts'),
      `export default { framework: '@storybook/html-vite', stories: ['../stories/*.stories.ts'], addons: [{ name: 'amo-workbench/preset', options: { widgets: ['.'] } }] };\n`,
    );
    writeFileSync(
      path.join(project, 'stories', 'Mine.stories.ts'),
      `import type { Meta, StoryObj } from '@storybook/html-vite';
import { folderParameters, withWorkbench, type WorkbenchParameters } from 'amo-workbench/story';
const meta = { title: 'Mine', parameters: folderParameters('my-widget') } satisfies Meta;
export default meta;
export const InCabinet: StoryObj = {};
export const ServerError: StoryObj = { parameters: { workbench: { backend: { scenario: 'server-error' } } satisfies WorkbenchParameters } };
export const OwnRender: StoryObj = { decorators: [withWorkbench], render: () => Object.assign(document.createElement('p'), { className: 'mine', textContent: 'My own render' }) };
export const Typo: StoryObj = { parameters: folderParameters('my-widgit') };
`,
    );
    const port = await freePort();
    const storybook = path.join(project, 'node_modules', '.bin', 'storybook');
    let output = '';
    const child = spawn(storybook, ['dev', '-p', String(port), '--host', '127.0.0.1', '--ci', '--no-open'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntil(
        async () => (await fetch(`${url}/index.json`)).ok,
        120_000,
        () => `storybook dev did not start:\n${output.slice(-3000)}`,
      );
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const open = async (id: string) => {
        // The first page may wait for Vite's optimizer: the waits below allow for it (and for a reload).
        await page.goto(`${url}/iframe.html?id=mine--${id}&viewMode=story`);
      };
      await open('in-cabinet');
      await page.locator('.js-widgets-bar-item-container', { hasText: 'Hello, account 31000001!' }).waitFor({ timeout: 60_000 });
      await open('server-error');
      await page.locator('.js-widgets-bar-item-container', { hasText: 'Сервер не ответил' }).waitFor({ timeout: 30_000 });
      await open('own-render');
      await page.locator('p.mine').waitFor({ timeout: 30_000 });
      await page.locator('.js-widgets-bar-item-container', { hasText: 'Hello, account 31000001!' }).waitFor({ timeout: 30_000 });
      await open('typo');
      expect(await page.locator('.wb-strip [data-problem="unknown-folder"]').textContent({ timeout: 30_000 })).toContain(
        'folderParameters("my-widgit"): no widget folder of that name among the workbench\'s folders ("my-widget")',
      );
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      rmSync(configDir, { recursive: true, force: true });
      rmSync(path.join(project, 'stories'), { recursive: true, force: true });
    }
  });
});
