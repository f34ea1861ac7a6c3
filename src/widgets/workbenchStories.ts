/**
 * What .storybook/main.ts needs from the widget folders: discovery, the generated story files,
 * the Vite plugin that serves the folders (plus the workbench's own fixture widgets), and the one
 * that resolves their imports.
 * Runs wherever main.ts is evaluated: `storybook dev`, `storybook build` and the Vitest run.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { discoverWidgets, formatSkipped, type Discovery } from './discoverWidgets.ts';
import { widgetFilesPlugin, type FolderMount } from './widgetFilesPlugin.ts';
import { widgetImportsPlugin } from './widgetImportsPlugin.ts';
import { FIXTURE_URL_PREFIX, WIDGET_URL_PREFIX } from './servedPaths.ts';
import { writeWidgetStories } from './widgetStoryFiles.ts';

export interface WorkbenchStories {
  discovery: Discovery;
  /** Folder of the generated CSF files (stories/generated, ignored by git). */
  generatedDir: string;
  plugins: Plugin[];
}

export function prepareWorkbenchStories(root: string, env: NodeJS.ProcessEnv = process.env): WorkbenchStories {
  const discovery = discoverWidgets({ root, widgetsDirEnv: env.WIDGETS_DIR });
  for (const line of formatSkipped(discovery.skipped)) console.warn(line);
  const generatedDir = path.join(root, 'stories', 'generated');
  writeWidgetStories(discovery.widgets, generatedDir, path.join(root, 'src'));
  const mounts: FolderMount[] = [
    ...discovery.widgets.map((w) => ({ urlPrefix: `${WIDGET_URL_PREFIX}/${encodeURIComponent(w.name)}`, dir: w.dir })),
    // Fixture widgets of the workbench's own stories (errors, module probe).
    { urlPrefix: FIXTURE_URL_PREFIX, dir: path.join(root, 'tests', 'fixtures', 'widgets') },
  ];
  const widgetDirs = discovery.widgets.map((w) => w.dir);
  return { discovery, generatedDir, plugins: [widgetFilesPlugin(() => mounts), widgetImportsPlugin(root, () => widgetDirs)] };
}
