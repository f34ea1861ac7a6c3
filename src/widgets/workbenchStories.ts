/**
 * What .storybook/main.ts needs from the widget folders: discovery, the generated story files,
 * and the Vite plugin that serves the folders (plus the workbench's own fixture widgets).
 * Runs wherever main.ts is evaluated: `storybook dev`, `storybook build` and the Vitest run.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { discoverWidgets, formatSkipped, type Discovery } from './discoverWidgets.ts';
import { widgetFilesPlugin, type FolderMount } from './widgetFilesPlugin.ts';
import { writeWidgetStories } from './widgetStoryFiles.ts';

export interface WorkbenchStories {
  discovery: Discovery;
  /** Folder of the generated CSF files (stories/generated, ignored by git). */
  generatedDir: string;
  plugin: Plugin;
}

export function prepareWorkbenchStories(root: string, env: NodeJS.ProcessEnv = process.env): WorkbenchStories {
  const discovery = discoverWidgets({ root, widgetsDirEnv: env.WIDGETS_DIR });
  for (const line of formatSkipped(discovery.skipped)) console.warn(line);
  const generatedDir = path.join(root, 'stories', 'generated');
  writeWidgetStories(discovery.widgets, generatedDir, path.join(root, 'src'));
  const mounts: FolderMount[] = [
    ...discovery.widgets.map((w) => ({ urlPrefix: `widgets/${encodeURIComponent(w.name)}`, dir: w.dir })),
    // Fixture widgets of the workbench's own stories (errors, module probe).
    { urlPrefix: 'fixtures', dir: path.join(root, 'tests', 'fixtures', 'widgets') },
  ];
  return { discovery, generatedDir, plugin: widgetFilesPlugin(() => mounts) };
}
