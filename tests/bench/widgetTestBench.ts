/**
 * `widgetTestMs`: `amo-workbench test` on one widget folder (made by `amo-workbench init`) from the
 * installed tarball, wall time from the command to its exit, against a bare Storybook project whose
 * Vitest addon runs as many trivial story tests, each with a screenshot, as `amo-workbench test`
 * runs for that widget (its stories' checks and captures: stories x modes each). Measured
 * alternately in the same run. Also the installed package's `amo-workbench dev`: warm dev ready
 * against the bare Storybook's.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';
import { installPackedWorkbench } from '../support/installedWorkbench';
import { freePort, run, waitUntil } from '../support/processes';
import { createBaselineProject, scaffoldBareStorybook } from './baselineProject';
import { epochNow, seenAt, watchRenders, type RenderTarget } from './renderWatch';
import { round, spread } from './stats';

export interface InstalledDevResult {
  /** `amo-workbench dev` of the installed package until the init widget's story shows its backend's answer. */
  devReadyWarmMs: ReturnType<typeof spread>;
  baselineMs: ReturnType<typeof spread>;
  ratio: number;
}

export interface WidgetTestResult {
  widgetTestMs: ReturnType<typeof spread>;
  baselineMs: ReturnType<typeof spread>;
  /** The tests each run: the widget's checks and captures, the baseline's trivial stories. */
  tests: number;
  ratio: number;
  installedDev: InstalledDevResult;
}

export async function widgetTestBench(browser: Browser, root: string, work: string, runs: number, progress: (line: string) => void): Promise<WidgetTestResult> {
  progress('widget test: packing and installing the workbench');
  const { project, bin } = installPackedWorkbench(root, path.join(work, 'installed'));
  execFileSync(process.execPath, [bin, 'init'], { cwd: project, stdio: 'pipe' });
  const env = { ...process.env, CI: '' };
  // The first run writes the baselines (not timed): later runs compare, as in a widget's CI.
  const first = await timed(process.execPath, [bin, 'test'], project, env);
  const tests = Number(
    /(\d+) passed, (\d+) failed\s*$/
      .exec(first.output)
      ?.slice(1, 3)
      .reduce((a, b) => String(Number(a) + Number(b))) ?? 0,
  );
  if (!tests) throw new Error(`amo-workbench test printed no summary:\n${first.output.slice(-2000)}`);
  const baseline = createVitestBaseline(path.join(work, 'vitest-baseline'), root, tests);
  await timed(path.join(root, 'node_modules/.bin/vitest'), ['run'], baseline, env); // warms the baseline's caches alike
  const samples = { workbench: [] as number[], baseline: [] as number[] };
  for (let i = 1; i <= runs; i++) {
    samples.workbench.push((await timed(process.execPath, [bin, 'test'], project, env)).ms);
    progress(`widget test ${i}/${runs}: amo-workbench test (${tests} tests) ${round(samples.workbench.at(-1)!)} ms`);
    samples.baseline.push((await timed(path.join(root, 'node_modules/.bin/vitest'), ['run'], baseline, env)).ms);
    progress(`widget test ${i}/${runs}: bare Storybook + Vitest addon (${tests} story tests with a screenshot) ${round(samples.baseline.at(-1)!)} ms`);
  }
  const installedDev = await installedDevPair(browser, root, work, project, bin, runs, progress);
  rmSync(path.join(work, 'installed'), { recursive: true, force: true });
  const widgetTestMs = spread(samples.workbench);
  const baselineMs = spread(samples.baseline);
  return { widgetTestMs, baselineMs, tests, ratio: round(widgetTestMs.median / baselineMs.median, 2), installedDev };
}

/** Warm dev ready of the installed package's `amo-workbench dev` against the bare Storybook's, alternately. */
async function installedDevPair(
  browser: Browser,
  root: string,
  work: string,
  project: string,
  bin: string,
  runs: number,
  progress: (line: string) => void,
): Promise<InstalledDevResult> {
  const baselineDir = createBaselineProject(path.join(work, 'dev-baseline'), root);
  const targets = [
    {
      name: 'installed',
      start: (port: number) => spawn(process.execPath, [bin, 'dev', '-p', String(port), '--ci'], { cwd: project, stdio: 'ignore', detached: true }),
      story: 'widgets-my-widget--default',
      rendered: { css: '.js-widgets-bar-item-container', text: 'Hello, account 31000001!' },
    },
    {
      name: 'baseline',
      start: (port: number) =>
        spawn(path.join(root, 'node_modules/.bin/storybook'), ['dev', '-p', String(port), '--host', '127.0.0.1', '--ci', '--no-open', '--quiet'], {
          cwd: baselineDir,
          stdio: 'ignore',
          detached: true,
        }),
      story: 'trivial--default',
      rendered: { css: 'p.trivial', text: 'Trivial story' },
    },
  ] as const;
  const samples: Record<string, number[]> = { installed: [], baseline: [] };
  for (const target of targets) await devStart(browser, target); // warm caches for both
  for (let i = 1; i <= runs; i++) {
    for (const target of targets) {
      samples[target.name]!.push(await devStart(browser, target));
      progress(`installed dev ${i}/${runs} ${target.name}: dev ready warm ${round(samples[target.name]!.at(-1)!)} ms`);
    }
  }
  const devReadyWarmMs = spread(samples.installed!);
  const baselineMs = spread(samples.baseline!);
  return { devReadyWarmMs, baselineMs, ratio: round(devReadyWarmMs.median / baselineMs.median, 2) };
}

async function devStart(browser: Browser, target: { start(port: number): ChildProcess; story: string; rendered: RenderTarget }): Promise<number> {
  const port = await freePort();
  const context = await browser.newContext();
  await watchRenders(context, target.rendered);
  const started = epochNow();
  const server = target.start(port);
  try {
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/index.json`)).ok, 120_000);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${target.story}&viewMode=story`);
    return (await seenAt(page, 120_000)) - started;
  } finally {
    await context.close();
    if (server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const output = await run(command, args, { cwd, env });
  return { ms: performance.now() - started, output };
}

/** A bare Storybook (html-vite) whose Vitest addon runs `count` trivial stories, each taking a screenshot. */
function createVitestBaseline(dir: string, root: string, count: number): string {
  scaffoldBareStorybook(dir, root, 'bench-vitest-baseline', ['@storybook/addon-vitest']);
  writeFileSync(
    path.join(dir, 'vitest.config.mjs'),
    `import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
export default defineConfig({
  plugins: [storybookTest({ configDir: '.storybook' })],
  // node_modules is a link to the workbench's: Vite may serve files from there.
  server: { fs: { allow: ['.', ${JSON.stringify(path.join(root, 'node_modules'))}] } },
  test: { browser: { enabled: true, headless: true, instances: [{ browser: 'chromium' }],
    provider: playwright({ launchOptions: { executablePath: ${JSON.stringify(findChromium())}, args: ${JSON.stringify(CHROMIUM_ARGS)} } }) } },
});
`,
  );
  const stories = Array.from(
    { length: count },
    (_, i) =>
      `export const Story${i} = { render: () => { const el = document.createElement('p'); el.textContent = 'Trivial story ${i}'; return el; }, play: async () => { await page.screenshot(); } };`,
  );
  writeFileSync(
    path.join(dir, 'stories', 'Trivial.stories.js'),
    `import { page } from 'vitest/browser';\nexport default { title: 'Trivial' };\n${stories.join('\n')}\n`,
  );
  return dir;
}
