/**
 * What .storybook/main.ts needs from the widget folders: discovery, the generated story files, the
 * Vite plugins that serve the folders (plus the workbench's fixture widgets) and resolve their
 * imports, and, in dev, a watcher that keeps all of it current: an edited, added or removed widget
 * folder shows in Storybook without a restart.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { discoverWidgets, formatProblems, formatSkipped, type Discovery } from './discoverWidgets.ts';
import { readWidgetFolder, type FolderChecks } from './readWidgetFolder.ts';
import { kindOf } from './readFolderFile.ts';
import { GENERATED_FOLDER, realRoot } from './servedFiles.ts';
import { FIXTURE_URL_PREFIX, FOLDER_CHECKS_URL_PREFIX, WIDGET_URL_PREFIX } from '../../common/servedPaths.ts';
import { widgetFilesPlugin, type FolderMount } from './widgetFilesPlugin.ts';
import { widgetImportsPlugin } from './widgetImportsPlugin.ts';
import { mocksGuardPlugin } from './mocksGuardPlugin.ts';
import { FOLDER_LIST_FILE, identifyWidgets, writeWidgetStories } from './widgetStoryFiles.ts';

export interface WorkbenchStories {
  discovery: Discovery;
  /** Folder of the generated CSF files (`amo-workbench-stories/<key>` in the project, ignored by git). */
  generatedDir: string;
  plugins: Plugin[];
  /** Reads the widget folders again and rewrites what changed. */
  refresh(): void;
}

export interface WorkbenchStoriesOptions {
  /** Where the workbench's code is (its src/ is what generated stories import). */
  packageRoot: string;
  /** The developer's project: widget folders are relative to it, generated stories go under it. */
  projectRoot: string;
  /** The widget folders to search (WIDGETS_DIR's value: separated by the platform's path delimiter). */
  widgetsDir?: string;
  /** Also search the project's `widgets/` folder (this repository's examples). */
  projectWidgets?: boolean;
  /** This repository's own fixtures: the fixture widgets' mount and the folder-check stories. */
  fixtures?: boolean;
  /** How manifest.json files are checked (a disk cache, manifestCheckCache.ts). */
  checks?: FolderChecks;
}

/**
 * Where the stories of this configuration go: one folder per widget-folder list, so two Storybooks
 * of the same project with different widget folders (a test's and yours) never overwrite each other.
 * Under `amo-workbench-stories/` of the project, which ignores itself in git. Not under node_modules
 * or a dot-folder: Storybook's story watcher never hears of files there, so a widget folder added
 * while `dev` runs would get no story.
 */
export function generatedStoriesDir(projectRoot: string, widgetsDir?: string): string {
  const key = widgetsDir ? createHash('sha256').update(widgetsDir).digest('hex').slice(0, 10) : 'default';
  return path.join(projectRoot, GENERATED_FOLDER, key);
}

export function prepareWorkbenchStories(options: WorkbenchStoriesOptions): WorkbenchStories {
  const { packageRoot, projectRoot, checks } = options;
  const generatedDir = generatedStoriesDir(projectRoot, options.widgetsDir);
  const srcDir = path.join(packageRoot, 'src');
  const mounts: FolderMount[] = [];
  let reported = '';
  ignoreInGit(path.dirname(generatedDir));

  const state: WorkbenchStories = {
    discovery: { widgets: [], skipped: [], roots: [] },
    generatedDir,
    plugins: [],
    refresh() {
      const discovery = discoverWidgets({ root: projectRoot, widgetsDirEnv: options.widgetsDir, checks, projectWidgets: options.projectWidgets ?? false });
      const entries = identifyWidgets(discovery.widgets);
      const lines = [...formatSkipped(discovery.skipped), ...formatProblems(discovery.widgets)];
      if (lines.join('\n') !== reported) lines.forEach((line) => console.warn(line));
      reported = lines.join('\n');
      writeWidgetStories(entries, generatedDir, srcDir);
      if (options.fixtures) writeCheckStories(packageRoot, generatedDir, srcDir, checks);
      mounts.splice(
        0,
        mounts.length,
        ...entries.map(({ widget, identity }) => ({ segments: [...WIDGET_URL_PREFIX.split('/'), identity.segment], dir: widget.dir })),
        // Fixture widgets of the workbench's own stories (errors, module probe).
        ...(options.fixtures
          ? [
              { segments: FIXTURE_URL_PREFIX.split('/'), dir: path.join(packageRoot, 'tests', 'fixtures', 'widgets') },
              { segments: FOLDER_CHECKS_URL_PREFIX.split('/'), dir: path.join(packageRoot, 'tests', 'fixtures', 'widget-folders') },
            ]
          : []),
      );
      state.discovery = discovery;
    },
  };
  state.refresh();
  state.plugins = [
    widgetFilesPlugin(() => mounts),
    // Vite resolves a symlinked folder's files to their real paths: both name the folder.
    widgetImportsPlugin(packageRoot, () => state.discovery.widgets.flatMap((w) => [w.dir, realRoot(w.dir) ?? w.dir])),
    // A mocks file that cannot be built is that widget's problem, not the whole build's.
    mocksGuardPlugin(() => mocksFiles(state.discovery), srcDir),
    folderListPlugin(path.join(generatedDir, FOLDER_LIST_FILE)),
    widgetWatchPlugin(state),
  ];
  return state;
}

/** `virtual:amo-workbench/widget-folders`, which folderParameters (src/preview/folderParameters.ts) reads: this Storybook's list. */
function folderListPlugin(file: string): Plugin {
  return {
    name: 'amo-workbench:widget-folder-list',
    resolveId: {
      filter: { id: /^virtual:amo-workbench\/widget-folders$/ },
      handler: () => file,
    },
  };
}

/** Each widget's mocks file and its folder, under their own paths and their real ones (Vite resolves links). */
function mocksFiles(discovery: Discovery): Map<string, string> {
  const files = new Map<string, string>();
  for (const widget of discovery.widgets) {
    if (!widget.mocksFile) continue;
    files.set(widget.mocksFile, widget.dir);
    const realDir = realRoot(widget.dir);
    const realFile = realRoot(widget.mocksFile);
    if (realFile) files.set(realFile, realDir ?? widget.dir);
  }
  return files;
}

/** A folder of generated files keeps itself out of git: a `.gitignore` of `*` inside it. */
function ignoreInGit(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, '.gitignore');
    if (!existsSync(file)) writeFileSync(file, '# Generated by amo-workbench: the stories of your widget folders.\n*\n');
  } catch {
    // a read-only project: writeWidgetStories says so
  }
}

/**
 * The folder-check fixtures (tests/fixtures/widget-folders): a story each, titled
 * `Folder checks/<case>`, expecting the problems its expected-problems.json lists.
 */
function writeCheckStories(packageRoot: string, generatedDir: string, srcDir: string, checks?: FolderChecks): void {
  const fixtures = path.join(packageRoot, 'tests', 'fixtures', 'widget-folders');
  if (kindOf(fixtures) !== 'folder') return;
  const folders = readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readWidgetFolder(path.join(fixtures, entry.name), checks, `tests/fixtures/widget-folders/${entry.name}`));
  writeWidgetStories(identifyWidgets(folders, 'Folder checks', '__checks-'), generatedDir, srcDir, {
    titlePrefix: 'Folder checks',
    filePrefix: '__checks-',
    expectProblems: true,
    urlPrefix: FOLDER_CHECKS_URL_PREFIX,
  });
}

/** In dev: rediscover when anything in a widget root changes (debounced). */
function widgetWatchPlugin(state: WorkbenchStories): Plugin {
  return {
    name: 'amo-workbench:widget-watch',
    configureServer(server) {
      const roots = () => state.discovery.roots;
      server.watcher.add(roots());
      let timer: NodeJS.Timeout | undefined;
      server.watcher.on('all', (_event, file) => {
        if (file.includes(`${path.sep}node_modules${path.sep}`) || file.startsWith(state.generatedDir)) return;
        if (!roots().some((dir) => file === dir || file.startsWith(dir + path.sep))) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          // A folder that turned bad is a problem on its story (readWidgetFolder); anything else
          // unexpected is logged, and the server keeps serving what it had.
          try {
            state.refresh();
          } catch (error) {
            console.error(`[workbench] could not read the widget folders again: ${String(error)}`);
          }
          server.watcher.add(roots());
        }, 60);
      });
    },
  };
}
