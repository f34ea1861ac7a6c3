/**
 * Finds widget folders: every folder directly inside the repo's `widgets/` and inside each folder
 * listed in WIDGETS_DIR (`:`-separated, absolute or relative to the repo; a listed folder that is
 * itself a widget counts too). A folder with a manifest.json or a personal_page.js is a widget
 * folder, even a broken one: its story shows what is wrong. Other folders are skipped with a reason.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CheckManifest } from './checkManifest.ts';
import { looksLikeWidgetFolder, readWidgetFolder, type WidgetFolder } from './readWidgetFolder.ts';

export type { WidgetFolder } from './readWidgetFolder.ts';

export interface SkippedFolder {
  dir: string;
  reason: string;
}

export interface Discovery {
  widgets: WidgetFolder[];
  skipped: SkippedFolder[];
  /** The folders searched (repo widgets/ and WIDGETS_DIR entries), for watching. */
  roots: string[];
}

export interface DiscoverOptions {
  /** The workbench repository root. */
  root: string;
  /** The raw WIDGETS_DIR value. */
  widgetsDirEnv?: string;
  /** How manifest.json is checked (default: checkManifest, uncached). */
  checkManifest?: CheckManifest;
}

export function widgetRoots({ root, widgetsDirEnv }: DiscoverOptions): string[] {
  const extra = (widgetsDirEnv ?? '')
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => path.resolve(root, entry));
  return [...new Set([path.join(root, 'widgets'), ...extra])];
}

export function discoverWidgets(options: DiscoverOptions): Discovery {
  const widgets: WidgetFolder[] = [];
  const skipped: SkippedFolder[] = [];
  const byName = new Map<string, string>();
  const roots = widgetRoots(options);

  const consider = (dir: string) => {
    if (!looksLikeWidgetFolder(dir)) return skipped.push({ dir, reason: 'neither manifest.json nor personal_page.js in it' });
    const name = path.basename(dir);
    const taken = byName.get(name);
    if (taken) return skipped.push({ dir, reason: `another widget folder is already named "${name}" (${taken}); rename one of them` });
    byName.set(name, dir);
    widgets.push(readWidgetFolder(dir, options.checkManifest));
  };

  for (const rootDir of roots) {
    if (!existsSync(rootDir) || !statSync(rootDir).isDirectory()) {
      if (rootDir !== path.join(options.root, 'widgets')) skipped.push({ dir: rootDir, reason: 'WIDGETS_DIR names a folder that does not exist' });
      continue;
    }
    if (looksLikeWidgetFolder(rootDir)) {
      consider(rootDir);
      continue;
    }
    for (const entry of readdirSync(rootDir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
        consider(path.join(rootDir, entry.name));
      }
    }
  }
  widgets.sort((a, b) => a.name.localeCompare(b.name));
  return { widgets, skipped, roots };
}

export function formatSkipped(skipped: readonly SkippedFolder[]): string[] {
  return skipped.map(({ dir, reason }) => `[workbench] skipped widget folder ${dir}: ${reason}`);
}

/** One console line per folder problem, so they show where the server runs too. */
export function formatProblems(widgets: readonly WidgetFolder[]): string[] {
  return widgets.flatMap((w) => w.problems.map((p) => `[workbench] widget folder ${w.dir}: ${p.message} ${p.fix}`));
}
