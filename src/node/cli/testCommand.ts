/**
 * (Node) `amo-workbench test [folders...]`: the widgets' stories as tests in headless Chromium (the
 * folder checks, the doctor and unhandled requests fail a story), then the offline visual comparison
 * of every story in every mode against the project's baselines. One line per failure (the story, the
 * mode, the cause) and one per folder with warnings, then `N passed, N failed`; exit 1 on any failure. `--reporter junit|json` with
 * `--output FILE` adds Vitest's report for CI systems.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveFolder } from './serveFolder.ts';
import { writeVitestConfig } from './vitestConfig.ts';
import { browserForTests } from './findChromium.ts';
import { exitCodeOf, runStorybook, writeStorybookConfig } from './storybookProject.ts';
import { summaryReporter } from './summaryReporter.ts';
import { folderWarnings } from './folderWarnings.ts';
import { writeBuildStatus } from './buildStatus.ts';
import { SECRET_OPT_IN } from '../clientSecret.ts';

export interface TestOptions {
  projectRoot: string;
  folders: string[];
  update: boolean;
  reporter?: 'junit' | 'json';
  output?: string;
  log: (line: string) => void;
}

export async function runTests(options: TestOptions): Promise<number> {
  const browser = await browserForTests();
  if ('missing' in browser) {
    options.log(browser.missing);
    return 1;
  }
  const configDir = writeStorybookConfig(options.projectRoot, options.folders);
  const work = mkdtempSync(path.join(tmpdir(), 'amo-workbench-test-'));
  // The static build the checks and captures visit, built once: Storybook's build for test runners
  // (`--test`: no docs, no source maps) of the preview alone (`--preview-only`: the tests open
  // iframe.html, never the manager UI). Vitest and the browser start while it builds: the test file
  // waits for the build's status file before it reads the build (storyCheck.vitest.ts).
  const buildDir = path.join(work, 'storybook-static');
  const statusFile = path.join(work, 'build-status');
  const site = await serveFolder(buildDir);
  // The build's own output is the workbench's business, shown only when the build fails.
  const buildLog = { output: '' };
  const build = runStorybook(
    options.projectRoot,
    ['build', '--quiet', '--test', '--preview-only', '--config-dir', configDir, '-o', buildDir],
    // A build that is never published: the developer's own WIDGET_CLIENT_SECRET may sign its tokens,
    // as in `dev`; it stays in a temporary folder served on loopback, deleted after the run.
    { ...process.env, [SECRET_OPT_IN]: '1' },
    buildLog,
  );
  try {
    const building = exitCodeOf(build).then((code) => {
      if (code !== 0) options.log(`The Storybook build of the widgets failed:\n${buildLog.output.trimEnd()}`);
      writeBuildStatus(statusFile, code === 0);
      return code;
    });
    const { discoverWidgets } = await import('../widgets/discoverWidgets.ts');
    const { widgets } = discoverWidgets({ root: options.projectRoot, widgetsDirEnv: options.folders.join(path.delimiter), projectWidgets: false });
    for (const line of folderWarnings(widgets, options.projectRoot)) options.log(line);
    const { startVitest } = await import('vitest/node');
    const summary = summaryReporter(options.log);
    Object.assign(process.env, {
      AMO_WORKBENCH_BUILD: buildDir,
      AMO_WORKBENCH_BUILD_STATUS: statusFile,
      AMO_WORKBENCH_BUILD_URL: site.url,
      AMO_WORKBENCH_BASELINES: path.join(options.projectRoot, '.amo-workbench', 'baselines'),
      AMO_WORKBENCH_REPORTS: path.join(configDir, 'visual-report'),
      AMO_WORKBENCH_UPDATE: options.update ? '1' : '',
    });
    const reporters: unknown[] = [summary, ...(process.env.AMO_WORKBENCH_VERBOSE ? ['verbose'] : [])];
    if (options.reporter)
      reporters.push([
        options.reporter,
        { outputFile: path.resolve(options.projectRoot, options.output ?? `amo-workbench-report.${options.reporter === 'junit' ? 'xml' : 'json'}`) },
      ]);
    const config = writeVitestConfig(configDir);
    if (browser.executablePath) process.env.CHROMIUM_PATH = browser.executablePath;
    const vitest = await startVitest('test', [], { root: options.projectRoot, config, watch: false, reporters: reporters as never });
    await vitest?.close();
    // Settled by now (the test file waited for it), unless Vitest could not start.
    await building;
    return summary.failed() || !summary.total() ? 1 : 0;
  } finally {
    // Still building only when Vitest failed to start: the build is of no use then.
    if (build.exitCode === null) build.kill();
    await site.close();
    rmSync(work, { recursive: true, force: true });
  }
}
