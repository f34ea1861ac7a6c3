/**
 * `npm run bench`: the workbench measured on this machine, in one run, against a bare Storybook.
 * Progress goes to stderr, a readable table to stdout, and the last line of stdout is one JSON
 * object (see the issue "Performance and endurance" for its shape). Numbers in ms unless named.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';
import { freePort, run, waitUntil } from '../support/processes';
import { serveFolder } from '../support/serveFolder';
import { vendorCacheFile } from '../../src/node/patches/prebuiltVendor/vendorCache';
import { generatedStoriesDir } from '../../src/node/widgets/workbenchStories';
import { createBaselineProject } from './baselineProject';
import { captureTimes, createStateWidgets } from './statesBench';
import { widgetTestBench } from './widgetTestBench';
import { PATCH_NAMES } from '../../src/node/patches/patches';
import { armRender, epochNow, seenAt, watchRenders, type RenderTarget } from './renderWatch';
import { medianP95, round, spread } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SWITCHES = 50;
const CONTROL_CHANGES = 50;
const EDITS = Number(process.env.BENCH_EDITS ?? 10);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 1000);
const WIDGET_TEST_RUNS = Number(process.env.BENCH_WIDGET_TEST_RUNS ?? 3);
/** BENCH_ONLY=widgetTest or states: that pair alone, with the same JSON keys. */
const ONLY = process.env.BENCH_ONLY;
const work = mkdtempSync(path.join(tmpdir(), 'wb-bench-'));
const storybookBin = path.join(root, 'node_modules/.bin/storybook');
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

interface Target {
  name: 'workbench' | 'baseline';
  dir: string;
  /** WIDGETS_DIR for its Storybook (none by default). */
  widgetsDir?: string;
  /** More environment for its Storybook (WORKBENCH_PATCHES_OFF). */
  env?: Record<string, string>;
  storyId: string;
  /** The content the first story shows once rendered. */
  rendered: RenderTarget;
}

async function main() {
  const launched = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  // tsx compiles this file with esbuild's keepNames, whose __name helper the functions handed to
  // page.evaluate then call in the page: give every page a no-op __name.
  const newContext = launched.newContext.bind(launched);
  const browser = Object.assign(launched, {
    newContext: async (options?: Parameters<Browser['newContext']>[0]) => {
      const context = await newContext(options);
      await context.addInitScript('window.__name = (fn) => fn;');
      return context;
    },
    newPage: async (options?: Parameters<Browser['newPage']>[0]) => (await browser.newContext(options)).newPage(),
  });
  if (ONLY === 'widgetTest') return finish(browser, { widgetTest: await widgetTestPair(browser) });
  if (ONLY === 'states') return finish(browser, await statesPair(browser));
  if (ONLY === 'storySwitch') return finish(browser, await storySwitchPair(browser));
  if (ONLY === 'patches') return finish(browser, await patchGains(browser));
  if (ONLY === 'startup') return finish(browser, await startupPair(browser));
  if (ONLY) throw new Error(`BENCH_ONLY=${ONLY}: unknown; use widgetTest, states, storySwitch, patches or startup.`);
  const baselineDir = createBaselineProject(path.join(work, 'baseline'), root);
  const targets: Target[] = [
    { name: 'workbench', dir: root, ...HELLO_WORLD },
    { name: 'baseline', dir: baselineDir, ...TRIVIAL },
  ];
  const samples = {
    workbench: { coldAll: [] as number[], cold: [] as number[], warm: [] as number[], buildFirst: [] as number[], build: [] as number[] },
    baseline: { coldAll: [] as number[], cold: [] as number[], warm: [] as number[], buildFirst: [] as number[], build: [] as number[] },
  };

  // Alternate workbench and baseline in each run, so drift on the machine hits both alike.
  for (let run = 1; run <= RUNS; run++) {
    for (const target of targets) {
      clearAllCaches();
      samples[target.name].coldAll.push(await devReady(browser, target, 'coldAll'));
      progress(`run ${run}/${RUNS} ${target.name}: dev ready, all caches cleared ${round(samples[target.name].coldAll.at(-1)!)} ms`);
      clearViteCaches();
      samples[target.name].cold.push(await devReady(browser, target, 'cold'));
      progress(`run ${run}/${RUNS} ${target.name}: dev ready cold ${round(samples[target.name].cold.at(-1)!)} ms`);
      samples[target.name].warm.push(await devReady(browser, target, 'warm'));
      progress(`run ${run}/${RUNS} ${target.name}: dev ready warm ${round(samples[target.name].warm.at(-1)!)} ms`);
      if (target.name === 'workbench') {
        // The first build after an install or an update: the workbench's vendor bundle is made anew
        // (src/node/patches/prebuiltVendor/). The baseline has no such cache; its builds are all alike.
        rmSync(vendorCacheFile(root), { force: true });
        samples.workbench.buildFirst.push(await build(target, path.join(work, `${target.name}-static`)));
        progress(`run ${run}/${RUNS} workbench: first build (vendor cache cleared) ${round(samples.workbench.buildFirst.at(-1)!)} ms`);
      }
      samples[target.name].build.push(await build(target, path.join(work, `${target.name}-static`)));
      progress(`run ${run}/${RUNS} ${target.name}: build ${round(samples[target.name].build.at(-1)!)} ms`);
    }
  }

  const workbenchSite = await serveFolder(path.join(work, 'workbench-static'));
  const baselineSite = await serveFolder(path.join(work, 'baseline-static'));
  const page = await browser.newPage();

  progress(`story switches (${SWITCHES} each, workbench and baseline alternately in blocks of 10)`);
  const storySwitch: number[] = [];
  const baselineSwitch: number[] = [];
  for (let block = 0; block < SWITCHES / 10; block++) {
    storySwitch.push(...(await storySwitches(page, workbenchSite.url, WORKBENCH_SWITCH, 10)));
    baselineSwitch.push(...(await storySwitches(page, baselineSite.url, BASELINE_SWITCH, 10)));
  }
  progress(`control changes (${CONTROL_CHANGES})`);
  const controlToCallback = await controlChanges(page, workbenchSite.url);
  progress('modules loaded per example widget');
  const modulesLoaded = await hostModulesLoaded(page, workbenchSite.url);
  progress('bytes transferred');
  const previewBytes = await transferredBytes(browser, `${workbenchSite.url}iframe.html?id=widgets-hello-world--default&viewMode=story`, targets[0]!.rendered);
  const baselineBytes = await transferredBytes(browser, `${baselineSite.url}iframe.html?id=trivial--default&viewMode=story`, targets[1]!.rendered);
  progress(`widget edits (${EDITS})`);
  const widgetEditToRender = await widgetEdits(browser);
  progress(`endurance (${CYCLES} cycles)`);
  const endurance = await enduranceRun(browser, workbenchSite.url);
  const states = await statesPair(browser);
  const widgetTest = await widgetTestPair(browser);

  await browser.close();
  await workbenchSite.close();
  await baselineSite.close();

  const devCold = spread(samples.workbench.cold);
  const devWarm = spread(samples.workbench.warm);
  const buildMs = spread(samples.workbench.build);
  const baseCold = spread(samples.baseline.cold);
  const baseWarm = spread(samples.baseline.warm);
  const baseBuild = spread(samples.baseline.build);
  const result = {
    runs: RUNS,
    devReadyMs: { cold: devCold, warm: devWarm },
    buildMs,
    baseline: {
      devReadyMs: { cold: baseCold, warm: baseWarm },
      buildMs: baseBuild,
      previewBytes: baselineBytes,
      devReadyWarmStatesMs: states.baselineDevReadyWarmMs,
      widgetTestMs: widgetTest.baselineMs,
    },
    ratios: {
      devReadyCold: round(devCold.median / baseCold.median, 2),
      devReadyWarm: round(devWarm.median / baseWarm.median, 2),
      build: round(buildMs.median / baseBuild.median, 2),
      previewBytes: round(previewBytes / baselineBytes, 2),
      storySwitch: round(medianP95(storySwitch).median / medianP95(baselineSwitch).median, 2),
      devReadyWarmStates: states.ratios.devReadyWarmStates,
      widgetTest: widgetTest.ratio,
      installedDevReadyWarm: widgetTest.installedDev.ratio,
    },
    installedDevReadyWarmMs: widgetTest.installedDev.devReadyWarmMs,
    devReadyWarmStatesMs: states.devReadyWarmStatesMs,
    captureMs: states.captureMs,
    widgetTestMs: widgetTest.widgetTestMs,
    widgetTestTests: widgetTest.tests,
    storySwitchMs: medianP95(storySwitch),
    baselineStorySwitchMs: medianP95(baselineSwitch),
    controlToCallbackMs: medianP95(controlToCallback),
    widgetEditToRenderMs: medianP95(widgetEditToRender),
    modulesLoaded,
    previewBytes,
    endurance,
  };
  // Not in the JSON (its shape is fixed): a start with every Storybook cache cleared, for the table.
  const allCleared = { workbench: spread(samples.workbench.coldAll).median, baseline: spread(samples.baseline.coldAll).median };
  printTable(result, allCleared, spread(samples.workbench.buildFirst).median);
  rmSync(work, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The widgetTest pair alone (BENCH_ONLY=widgetTest) or as part of the whole bench. */
async function widgetTestPair(browser: Browser) {
  return widgetTestBench(browser, root, work, WIDGET_TEST_RUNS, progress);
}

/** Three widget folders of eight states: warm dev ready against the baseline, alternately; then the captures. */
async function statesPair(browser: Browser) {
  const widgets = createStateWidgets(root, path.join(work, 'state-widgets'));
  const baselineDir = path.join(work, 'states-baseline');
  createBaselineProject(baselineDir, root);
  const targets: Target[] = [
    {
      name: 'workbench',
      dir: root,
      widgetsDir: widgets,
      storyId: 'widgets-states-alpha--won-deal',
      rendered: { css: '.js-widgets-bar-item-container', text: 'Hello world!' },
    },
    { name: 'baseline', dir: baselineDir, ...TRIVIAL },
  ];
  const samples = { workbench: [] as number[], baseline: [] as number[] };
  for (const target of targets) await devReady(browser, target, 'warm'); // caches warm for both
  for (let i = 1; i <= RUNS; i++) {
    for (const target of targets) {
      samples[target.name].push(await devReady(browser, target, 'warm'));
      progress(
        `states ${i}/${RUNS} ${target.name}: dev ready warm ${round(samples[target.name].at(-1)!)} ms${target.name === 'workbench' ? ' (3 widget folders x 8 states)' : ''}`,
      );
    }
  }
  const out = path.join(work, 'states-static');
  await build(targets[0]!, out);
  progress('states: capturing every state story in every language mode');
  const captureMs = await captureTimes(browser, out);
  const workbench = spread(samples.workbench);
  const baseline = spread(samples.baseline);
  return {
    devReadyWarmStatesMs: workbench,
    baselineDevReadyWarmMs: baseline,
    captureMs,
    ratios: { devReadyWarmStates: round(workbench.median / baseline.median, 2) },
  };
}

/** BENCH_ONLY=storySwitch: one build of each, then the switches alternately in blocks of 10. */
async function storySwitchPair(browser: Browser) {
  const baselineDir = createBaselineProject(path.join(work, 'baseline'), root);
  await build({ name: 'workbench', dir: root, storyId: '', rendered: { css: '', text: '' } }, path.join(work, 'workbench-static'));
  await build({ name: 'baseline', dir: baselineDir, storyId: '', rendered: { css: '', text: '' } }, path.join(work, 'baseline-static'));
  const workbenchSite = await serveFolder(path.join(work, 'workbench-static'));
  const baselineSite = await serveFolder(path.join(work, 'baseline-static'));
  const page = await browser.newPage();
  const workbench: number[] = [];
  const baseline: number[] = [];
  for (let block = 0; block < SWITCHES / 10; block++) {
    workbench.push(...(await storySwitches(page, workbenchSite.url, WORKBENCH_SWITCH, 10)));
    baseline.push(...(await storySwitches(page, baselineSite.url, BASELINE_SWITCH, 10)));
  }
  await workbenchSite.close();
  await baselineSite.close();
  return {
    storySwitchMs: medianP95(workbench),
    baseline: { storySwitchMs: medianP95(baseline) },
    ratios: { storySwitch: round(medianP95(workbench).median / medianP95(baseline).median, 2) },
  };
}

/**
 * BENCH_ONLY=patches: each speed patch on and off (WORKBENCH_PATCHES_OFF=<patch>), warm dev ready and
 * build, alternately in each run, the order swapped every run. The gain is off minus on (medians): what the patch saves.
 */
async function patchGains(browser: Browser) {
  const on: Target = { name: 'workbench', dir: root, ...HELLO_WORLD };
  await devReady(browser, on, 'warm'); // warm caches
  const gains: Record<string, { devReadyWarmMs: { on: number; off: number; gain: number }; buildMs: { on: number; off: number; gain: number } }> = {};
  // BENCH_PATCHES=<patch>,<patch> measures those alone.
  const chosen = process.env.BENCH_PATCHES?.split(',').map((name) => name.trim()) ?? [...PATCH_NAMES];
  for (const patch of PATCH_NAMES.filter((name) => chosen.includes(name))) {
    const off: Target = { ...on, env: { WORKBENCH_PATCHES_OFF: patch } };
    const dev = { on: [] as number[], off: [] as number[] };
    const built = { on: [] as number[], off: [] as number[] };
    await devReady(browser, off, 'warm'); // its own caches warm too
    // The order swaps every run (on-off, then off-on): a fixed order biased each pair by ~200 ms.
    for (let i = 1; i <= RUNS; i++) {
      const order = i % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      for (const side of order) dev[side].push(await devReady(browser, side === 'on' ? on : off, 'warm'));
      for (const side of order) built[side].push(await build(side === 'on' ? on : off, path.join(work, `patch-${side}`)));
    }
    const pair = (samples: { on: number[]; off: number[] }) => {
      const a = spread(samples.on).median;
      const b = spread(samples.off).median;
      return { on: a, off: b, gain: round(b - a) };
    };
    gains[patch] = { devReadyWarmMs: pair(dev), buildMs: pair(built) };
    progress(
      `patch ${patch}: dev ready warm on ${gains[patch].devReadyWarmMs.on} / off ${gains[patch].devReadyWarmMs.off} ms, build on ${gains[patch].buildMs.on} / off ${gains[patch].buildMs.off} ms`,
    );
  }
  return { runs: RUNS, patches: gains };
}

/**
 * BENCH_ONLY=startup: warm dev ready and build of the workbench and the bare baseline, the order
 * swapped every run; the ratios the whole bench reports for them, without its other measurements.
 */
async function startupPair(browser: Browser) {
  const targets: Target[] = [
    { name: 'workbench', dir: root, ...HELLO_WORLD },
    { name: 'baseline', dir: createBaselineProject(path.join(work, 'baseline'), root), ...TRIVIAL },
  ];
  const dev: Record<string, number[]> = { workbench: [], baseline: [] };
  const built: Record<string, number[]> = { workbench: [], baseline: [] };
  for (const target of targets) await devReady(browser, target, 'warm'); // caches warm
  for (let i = 1; i <= RUNS; i++) {
    const order = i % 2 ? targets : [...targets].reverse();
    for (const target of order) dev[target.name]!.push(await devReady(browser, target, 'warm'));
    for (const target of order) built[target.name]!.push(await build(target, path.join(work, `${target.name}-static`)));
    progress(
      `run ${i}/${RUNS}: dev ready warm ${dev.workbench!.at(-1)} / ${dev.baseline!.at(-1)} ms, build ${built.workbench!.at(-1)} / ${built.baseline!.at(-1)} ms`,
    );
  }
  const median = (samples: number[]) => spread(samples).median;
  const phases = (name: 'workbench' | 'baseline') => {
    const warm = devPhases[name].warm.slice(1); // the warm-up start left out
    return { indexMs: median(warm.map((p) => p.indexMs)), loadMs: median(warm.map((p) => p.loadMs)), renderMs: median(warm.map((p) => p.renderMs)) };
  };
  return {
    runs: RUNS,
    devPhases: { workbench: phases('workbench'), baseline: phases('baseline') },
    devReadyWarmMs: median(dev.workbench!),
    buildMs: median(built.workbench!),
    baseline: { devReadyWarmMs: median(dev.baseline!), buildMs: median(built.baseline!) },
    ratios: {
      devReadyWarm: round(median(dev.workbench!) / median(dev.baseline!), 2),
      build: round(median(built.workbench!) / median(built.baseline!), 2),
    },
  };
}

/** A BENCH_ONLY run: its JSON on the last line. */
async function finish(browser: Browser, result: Record<string, unknown>) {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
  const flat =
    'widgetTest' in result
      ? (() => {
          const w = result.widgetTest as Awaited<ReturnType<typeof widgetTestPair>>;
          return {
            widgetTestMs: w.widgetTestMs,
            installedDevReadyWarmMs: w.installedDev.devReadyWarmMs,
            baseline: { widgetTestMs: w.baselineMs, installedDevReadyWarmMs: w.installedDev.baselineMs },
            widgetTestTests: w.tests,
            ratios: { widgetTest: w.ratio, installedDevReadyWarm: w.installedDev.ratio },
          };
        })()
      : result;
  process.stdout.write(`${JSON.stringify(flat)}\n`);
}

/**
 * "Cold" as the issue defines it: Vite's cache cleared, i.e. the dependency optimizer's output
 * (Storybook points Vite's cacheDir at node_modules/.cache/storybook/<version>/<hash>/sb-vite) and
 * the manager bundle Storybook caches beside it; Storybook's other caches (the workbench's story
 * index among them) stay. The table also reports a start with every cache cleared.
 */
function clearViteCaches() {
  const versions = path.join(root, 'node_modules/.cache/storybook');
  for (const version of safeReaddir(versions)) {
    for (const hash of safeReaddir(path.join(versions, version))) {
      for (const cache of ['sb-vite', 'sb-manager']) rmSync(path.join(versions, version, hash, cache), { recursive: true, force: true });
    }
  }
  rmSync(path.join(root, 'node_modules/.vite'), { recursive: true, force: true });
}

function clearAllCaches() {
  rmSync(path.join(root, 'node_modules/.cache/storybook'), { recursive: true, force: true });
  rmSync(path.join(root, 'node_modules/.vite'), { recursive: true, force: true });
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Where a dev start spends its time, for the table (not the JSON): server start to index.json
 * served, to the iframe's load event (preview modules evaluated), to the story rendered.
 */
interface DevPhases {
  indexMs: number;
  loadMs: number;
  renderMs: number;
}
type DevStart = 'coldAll' | 'cold' | 'warm';
const devPhases: Record<Target['name'], Record<DevStart, DevPhases[]>> = {
  workbench: { coldAll: [], cold: [], warm: [] },
  baseline: { coldAll: [], cold: [], warm: [] },
};

/** `storybook dev` started until the first story's iframe shows its content. */
async function devReady(browser: Browser, target: Target, start: DevStart): Promise<number> {
  const port = await freePort();
  const context = await browser.newContext();
  await watchRenders(context, target.rendered);
  const started = epochNow();
  const server = spawn(storybookBin, ['dev', '-p', String(port), '--host', '127.0.0.1', '--ci', '--no-open', '--quiet'], {
    cwd: target.dir,
    stdio: 'ignore',
    env: { ...process.env, WIDGETS_DIR: target.widgetsDir ?? '' },
  });
  try {
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/index.json`)).ok, 120_000);
    const indexMs = epochNow() - started;
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${target.storyId}&viewMode=story`);
    const loadMs = epochNow() - started;
    const elapsed = (await seenAt(page, 120_000)) - started;
    devPhases[target.name][start].push({ indexMs, loadMs, renderMs: elapsed });
    return elapsed;
  } finally {
    await context.close();
    await stop(server);
  }
}

async function build(target: Target, out: string): Promise<number> {
  const started = performance.now();
  await run(storybookBin, ['build', '--quiet', '-o', out], { cwd: target.dir, env: { ...process.env, WIDGETS_DIR: target.widgetsDir ?? '', ...target.env } });
  return performance.now() - started;
}

/** The story each dev start waits for, and what it shows once rendered. */
const HELLO_WORLD = { storyId: 'widgets-hello-world--default', rendered: { css: '.js-widgets-bar-item-container', text: 'Hello world!' } };
const TRIVIAL = { storyId: 'trivial--default', rendered: { css: 'p.trivial', text: 'Trivial story' } };

/** Two stories to switch between on a built Storybook: id, and the selector and text it shows once rendered. */
type SwitchPair = [{ id: string; css: string; text: string }, { id: string; css: string; text: string }];

const WORKBENCH_SWITCH: SwitchPair = [
  { id: 'widgets-deal-documents--default', css: '.js-widgets-bar-item-container', text: 'Договор' },
  { id: 'widgets-hello-world--default', css: '.js-widgets-bar-item-container', text: 'Hello world!' },
];
const BASELINE_SWITCH: SwitchPair = [
  { id: 'trivial--other', css: 'p.trivial', text: 'Other trivial story' },
  { id: 'trivial--default', css: 'p.trivial', text: 'Trivial story' },
];

/** Switches between two stories through Storybook's channel (as the sidebar does) until the new one has rendered. */
async function storySwitches(page: Page, site: string, pair: SwitchPair, count = SWITCHES): Promise<number[]> {
  await page.goto(`${site}iframe.html?id=${pair[1].id}&viewMode=story`);
  await page.locator(pair[1].css).first().waitFor();
  const times: number[] = [];
  let reloads = 0;
  const onLoad = () => (reloads += 1);
  page.on('load', onLoad);
  for (let i = 0; i < count; i++) {
    const story = pair[i % 2]!;
    await page.evaluate((storyId) => {
      const w = window as unknown as { __switchAt: number; __STORYBOOK_ADDONS_CHANNEL__: { emit(e: string, p: unknown): void } };
      w.__switchAt = performance.now();
      w.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, story.id);
    await page.waitForFunction(({ css, text }) => document.querySelector(css)?.textContent?.includes(text), story, { polling: 'raf' });
    times.push(await page.evaluate(() => performance.now() - (window as unknown as { __switchAt: number }).__switchAt));
  }
  page.off('load', onLoad);
  if (reloads) progress(`story switches: the page reloaded ${reloads} time(s)`);
  return times;
}

/** A global changed through Storybook's channel until the widget's subscribe callback ran. */
async function controlChanges(page: Page, site: string): Promise<number[]> {
  await page.goto(`${site}iframe.html?id=workbench-live-state--without-chrome&viewMode=story`);
  await page.locator('[data-field="lang"]').waitFor();
  const times: number[] = [];
  for (let i = 0; i < CONTROL_CHANGES; i++) {
    const dateFormat = i % 2 ? 'russianNormal' : 'chineseNormal';
    times.push(
      await page.evaluate(
        (dateFormat) =>
          new Promise<number>((resolve) => {
            const w = window as unknown as { __stateWatcherCallbackAt?: number; __STORYBOOK_ADDONS_CHANNEL__: { emit(e: string, p: unknown): void } };
            const before = w.__stateWatcherCallbackAt;
            const t0 = performance.now();
            const check = () => (w.__stateWatcherCallbackAt !== before ? resolve(w.__stateWatcherCallbackAt! - t0) : setTimeout(check, 0));
            w.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { dateFormat } });
            check();
          }),
        dateFormat,
      ),
    );
  }
  return times;
}

async function hostModulesLoaded(page: Page, site: string): Promise<Record<string, string[]>> {
  const index = JSON.parse(readFileSync(path.join(work, 'workbench-static/index.json'), 'utf8')) as { entries: Record<string, { type: string }> };
  const ids = Object.keys(index.entries).filter((id) => /^widgets-.*--default$/.test(id));
  const loaded: Record<string, string[]> = {};
  for (const id of ids) {
    await page.goto(`${site}iframe.html?id=${id}&viewMode=story`);
    await page.locator('.js-widgets-bar-item-container').first().waitFor();
    loaded[id] = await page.evaluate(() => {
      const api = (window as unknown as { __amoWorkbench: { mountedCabinets(): { amd: { loadedHostModules: string[] } }[] } }).__amoWorkbench;
      return [...new Set(api.mountedCabinets().flatMap((c) => c.amd.loadedHostModules))];
    });
  }
  return loaded;
}

/** Bytes the browser transferred (network, encoded) to show a story, from a cold cache. */
async function transferredBytes(browser: Browser, url: string, rendered: RenderTarget): Promise<number> {
  const context = await browser.newContext();
  await watchRenders(context, rendered);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
  await page.goto(url);
  await seenAt(page, 30_000);
  await page.waitForLoadState('networkidle');
  await context.close();
  return bytes;
}

/** Saving personal_page.js while `storybook dev` runs, until the open story shows the new render. */
async function widgetEdits(browser: Browser): Promise<number[]> {
  const widgets = path.join(work, 'edit-widgets');
  const dir = path.join(widgets, 'edited');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      widget: { name: 'Edited', description: 'd', short_description: 's', version: '1.0.0', interface_version: 2, locale: ['en'], installation: true },
      locations: ['personal_page'],
    }),
  );
  const write = (text: string) =>
    writeFileSync(
      path.join(dir, 'personal_page.js'),
      `define([], function () { return { initLead: function () {}, registerWidgetsBarSlot: function (el) { el.textContent = ${JSON.stringify(text)}; } }; });`,
    );
  write('Edit 0');
  const port = await freePort();
  const server = spawn(storybookBin, ['dev', '-p', String(port), '--host', '127.0.0.1', '--ci', '--no-open', '--quiet'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, WIDGETS_DIR: widgets },
  });
  const times: number[] = [];
  try {
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/index.json`)).ok, 120_000);
    const context = await browser.newContext();
    const slot = (text: string): RenderTarget => ({ css: '.js-widgets-bar-item-container', text, exact: true });
    await watchRenders(context, slot('Edit 0'));
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=widgets-edited--default&viewMode=story`);
    await seenAt(page, 120_000);
    for (let i = 1; i <= EDITS; i++) {
      await armRender(page, slot(`Edit ${i}`));
      const started = epochNow();
      write(`Edit ${i}`);
      times.push((await seenAt(page, 30_000)) - started);
    }
    await context.close();
  } finally {
    await stop(server);
    rmSync(generatedStoriesDir(root, widgets), { recursive: true, force: true });
  }
  return times;
}

/** Mount, switch deal and unmount a widget CYCLES times in one page; heap after forced GC. */
async function enduranceRun(browser: Browser, site: string) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${site}iframe.html?id=widgets-hello-world--default&viewMode=story`);
  await page.locator('.js-widgets-bar-item-container').first().waitFor();
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const counts = () =>
    page.evaluate(() => {
      const api = (window as unknown as { __amoWorkbench: { mountedCabinets(): { state: { subscriptionCount(): number } }[]; requireContexts(): number } })
        .__amoWorkbench;
      return { subscriptions: api.mountedCabinets().reduce((n, c) => n + c.state.subscriptionCount(), 0), contexts: api.requireContexts() };
    });
  const cycles = (n: number) =>
    page.evaluate(async (n) => {
      const api = (
        window as unknown as {
          __amoWorkbench: {
            createCabinet(o: unknown): { element: HTMLElement; ready: Promise<void>; switchDeal(id: string): Promise<void>; unmount(): Promise<void> };
          };
        }
      ).__amoWorkbench;
      const host = document.createElement('div');
      document.body.append(host);
      for (let i = 0; i < n; i++) {
        const cabinet = api.createCabinet({
          storyId: `bench-${i}`,
          widgets: [{ name: 'state-watcher', script: '_workbench/fixtures/state-watcher/personal_page.js' }],
        });
        host.append(cabinet.element);
        await cabinet.ready;
        await cabinet.switchDeal('20471002');
        await cabinet.unmount();
      }
      host.remove();
    }, n);
  await cycles(20); // warm up: modules, chunks, JIT
  const before = await counts();
  const heapBefore = await heap();
  await cycles(CYCLES);
  const heapAfter = await heap();
  const after = await counts();
  await page.close();
  return {
    cycles: CYCLES,
    heapBeforeBytes: heapBefore,
    heapAfterBytes: heapAfter,
    subscriptionsBefore: before.subscriptions,
    subscriptionsAfter: after.subscriptions,
    contextsAfter: after.contexts - before.contexts,
  };
}

function printTable(r: { [key: string]: unknown } & Record<string, any>, allCleared: { workbench: number; baseline: number }, firstBuild: number) {
  const rows: [string, string, string, string][] = [
    ['dev ready, cold (median)', `${r.devReadyMs.cold.median} ms`, `${r.baseline.devReadyMs.cold.median} ms`, `${r.ratios.devReadyCold}x`],
    [
      'dev ready, all caches cleared (median)',
      `${allCleared.workbench} ms`,
      `${allCleared.baseline} ms`,
      `${round(allCleared.workbench / allCleared.baseline, 2)}x`,
    ],
    ['dev ready, warm (median)', `${r.devReadyMs.warm.median} ms`, `${r.baseline.devReadyMs.warm.median} ms`, `${r.ratios.devReadyWarm}x`],
    ['storybook build (median)', `${r.buildMs.median} ms`, `${r.baseline.buildMs.median} ms`, `${r.ratios.build}x`],
    ['build, vendor cache cleared (median)', `${firstBuild} ms`, `${r.baseline.buildMs.median} ms`, `${round(firstBuild / r.baseline.buildMs.median, 2)}x`],
    ['bytes to show hello-world', `${r.previewBytes}`, `${r.baseline.previewBytes}`, `${r.ratios.previewBytes}x`],
    [
      'dev ready warm, 3 widgets x 8 states',
      `${r.devReadyWarmStatesMs.median} ms`,
      `${r.baseline.devReadyWarmStatesMs.median} ms`,
      `${r.ratios.devReadyWarmStates}x`,
    ],
    [
      `capture, ${r.captureMs.captures} in ${r.captureMs.pages} pages (median / p95)`,
      `${r.captureMs.perCaptureMs.median} / ${r.captureMs.perCaptureMs.p95} ms`,
      '',
      '',
    ],
    ['capture, wall time per capture', `${r.captureMs.wallPerCaptureMs} ms`, '', ''],
    [
      `amo-workbench test, ${r.widgetTestTests} tests (median)`,
      `${r.widgetTestMs.median} ms`,
      `${r.baseline.widgetTestMs.median} ms`,
      `${r.ratios.widgetTest}x`,
    ],
    [
      'story switch (median / p95)',
      `${r.storySwitchMs.median} / ${r.storySwitchMs.p95} ms`,
      `${r.baselineStorySwitchMs.median} / ${r.baselineStorySwitchMs.p95} ms`,
      `${r.ratios.storySwitch}x`,
    ],
    ['control to callback (median / p95)', `${r.controlToCallbackMs.median} / ${r.controlToCallbackMs.p95} ms`, '', ''],
    ['widget edit to render (median / p95)', `${r.widgetEditToRenderMs.median} / ${r.widgetEditToRenderMs.p95} ms`, '', ''],
    [`endurance heap (${r.endurance.cycles} cycles)`, `${mb(r.endurance.heapBeforeBytes)} -> ${mb(r.endurance.heapAfterBytes)}`, '', ''],
    ['subscriptions / contexts left', `${r.endurance.subscriptionsAfter} / ${r.endurance.contextsAfter}`, '', ''],
  ];
  const width = [38, 26, 14, 8];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join(' | ');
  process.stdout.write(`${line(['measure', 'workbench', 'baseline', 'ratio'])}\n${width.map((w) => '-'.repeat(w)).join('-|-')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  for (const start of ['coldAll', 'cold', 'warm'] as const) {
    const phases = (name: Target['name']) => {
      const median = (key: keyof DevPhases) => spread(devPhases[name][start].map((p) => p[key])).median;
      return `${median('indexMs')} / ${median('loadMs')} / ${median('renderMs')}`;
    };
    const label = { coldAll: 'all caches cleared', cold: 'cold', warm: 'warm' }[start];
    process.stdout.write(
      `dev ${label}, index.json / iframe loaded / rendered (medians, ms): workbench ${phases('workbench')}, baseline ${phases('baseline')}\n`,
    );
  }
  for (const [story, modules] of Object.entries(r.modulesLoaded as Record<string, string[]>)) process.stdout.write(`modules ${story}: ${modules.join(', ')}\n`);
}

const mb = (bytes: number) => `${round(bytes / 1048576, 2)} MiB`;

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
