/**
 * What .storybook/main.ts needs from the widget folders: discovery, the generated story files, the
 * Vite plugins that serve the folders (plus the workbench's fixture widgets) and resolve their
 * imports, and, in dev, a watcher that keeps all of it current: an edited, added or removed widget
 * folder shows in Storybook without a restart.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { CheckManifest } from './checkManifest.ts';
import { discoverWidgets, formatProblems, formatSkipped, type Discovery } from './discoverWidgets.ts';
import { readWidgetFolder } from './readWidgetFolder.ts';
import { kindOf } from './readFolderFile.ts';
import { realRoot } from './servedFiles.ts';
import { FIXTURE_URL_PREFIX, FOLDER_CHECKS_URL_PREFIX, WIDGET_URL_PREFIX } from './servedPaths.ts';
import { widgetFilesPlugin, type FolderMount } from './widgetFilesPlugin.ts';
import { widgetImportsPlugin } from './widgetImportsPlugin.ts';
import { identifyWidgets, writeWidgetStories } from './widgetStoryFiles.ts';

export interface WorkbenchStories {
  discovery: Discovery;
  /** Folder of the generated CSF files (stories/generated/<key>, ignored by git). */
  generatedDir: string;
  plugins: Plugin[];
  /** Reads the widget folders again and rewrites what changed. */
  refresh(): void;
}

/**
 * Where the stories of this configuration go: one folder per WIDGETS_DIR value, so two Storybooks
 * of the same checkout with different widget folders (a test's and yours) never overwrite each other.
 */
export function generatedStoriesDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = env.WIDGETS_DIR ? createHash('sha256').update(env.WIDGETS_DIR).digest('hex').slice(0, 10) : 'default';
  return path.join(root, 'stories', 'generated', key);
}

/** `checkManifest`: how manifest.json files are checked (main.ts: with a disk cache, manifestCheckCache.ts). */
export function prepareWorkbenchStories(root: string, env: NodeJS.ProcessEnv = process.env, checkManifest?: CheckManifest): WorkbenchStories {
  const generatedDir = generatedStoriesDir(root, env);
  const srcDir = path.join(root, 'src');
  const mounts: FolderMount[] = [];
  let reported = '';

  const state: WorkbenchStories = {
    discovery: { widgets: [], skipped: [], roots: [] },
    generatedDir,
    plugins: [],
    refresh() {
      const discovery = discoverWidgets({ root, widgetsDirEnv: env.WIDGETS_DIR, checkManifest });
      const entries = identifyWidgets(discovery.widgets);
      const lines = [...formatSkipped(discovery.skipped), ...formatProblems(discovery.widgets)];
      if (lines.join('\n') !== reported) lines.forEach((line) => console.warn(line));
      reported = lines.join('\n');
      writeWidgetStories(entries, generatedDir, srcDir);
      writeCheckStories(root, generatedDir, srcDir, checkManifest);
      mounts.splice(
        0,
        mounts.length,
        ...entries.map(({ widget, identity }) => ({ segments: [...WIDGET_URL_PREFIX.split('/'), identity.key], dir: widget.dir })),
        // Fixture widgets of the workbench's own stories (errors, module probe).
        { segments: FIXTURE_URL_PREFIX.split('/'), dir: path.join(root, 'tests', 'fixtures', 'widgets') },
        { segments: FOLDER_CHECKS_URL_PREFIX.split('/'), dir: path.join(root, 'tests', 'fixtures', 'widget-folders') },
      );
      state.discovery = discovery;
    },
  };
  state.refresh();
  state.plugins = [
    widgetFilesPlugin(() => mounts),
    // Vite resolves a symlinked folder's files to their real paths: both name the folder.
    widgetImportsPlugin(root, () => state.discovery.widgets.flatMap((w) => [w.dir, realRoot(w.dir) ?? w.dir])),
    widgetWatchPlugin(state),
  ];
  return state;
}

/**
 * The folder-check fixtures (tests/fixtures/widget-folders): a story each, titled
 * `Folder checks/<case>`, expecting the problems its expected-problems.json lists.
 */
function writeCheckStories(root: string, generatedDir: string, srcDir: string, checkManifest?: CheckManifest): void {
  const fixtures = path.join(root, 'tests', 'fixtures', 'widget-folders');
  if (kindOf(fixtures) !== 'folder') return;
  const folders = readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readWidgetFolder(path.join(fixtures, entry.name), checkManifest, `tests/fixtures/widget-folders/${entry.name}`));
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
