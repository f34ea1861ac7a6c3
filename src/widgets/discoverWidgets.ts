/**
 * Finds widget folders: every folder directly inside the repo's `widgets/` and inside each folder
 * listed in WIDGETS_DIR (`:`-separated, absolute or relative to the repo; a listed folder that is
 * itself a widget counts too). A widget folder has a manifest.json whose `locations` include
 * `personal_page`, and a personal_page.js. Anything else is skipped with the reason.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface WidgetFolder {
  /** The folder's name: the story is `Widgets/<name>`, its files are served under `widgets/<name>/`. */
  name: string;
  dir: string;
  /** The widget's own MSW handlers (`mocks/handlers.{ts,js,mjs}` exporting `handlers`), if any. */
  mocksFile?: string;
}

const MOCKS_FILES = ['handlers.ts', 'handlers.js', 'handlers.mjs'].map((file) => path.join('mocks', file));

export function findMocksFile(dir: string): string | undefined {
  return MOCKS_FILES.map((file) => path.join(dir, file)).find((file) => existsSync(file));
}

export interface SkippedFolder {
  dir: string;
  reason: string;
}

export interface Discovery {
  widgets: WidgetFolder[];
  skipped: SkippedFolder[];
}

export interface DiscoverOptions {
  /** The workbench repository root. */
  root: string;
  /** The raw WIDGETS_DIR value. */
  widgetsDirEnv?: string;
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

  const consider = (dir: string) => {
    const reason = checkWidgetFolder(dir);
    if (reason) return skipped.push({ dir, reason });
    const name = path.basename(dir);
    const taken = byName.get(name);
    if (taken) return skipped.push({ dir, reason: `another widget folder is already named "${name}" (${taken}); rename one of them` });
    byName.set(name, dir);
    const mocksFile = findMocksFile(dir);
    widgets.push(mocksFile ? { name, dir, mocksFile } : { name, dir });
  };

  for (const rootDir of widgetRoots(options)) {
    if (!existsSync(rootDir) || !statSync(rootDir).isDirectory()) {
      if (rootDir !== path.join(options.root, 'widgets')) skipped.push({ dir: rootDir, reason: 'WIDGETS_DIR names a folder that does not exist' });
      continue;
    }
    if (existsSync(path.join(rootDir, 'manifest.json'))) {
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
  return { widgets, skipped };
}

/** Why `dir` is not a personal_page widget folder, or undefined when it is one. */
export function checkWidgetFolder(dir: string): string | undefined {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return 'no manifest.json';
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return `manifest.json is not valid JSON (${(error as Error).message})`;
  }
  const locations = (manifest as { locations?: unknown } | null)?.locations;
  if (!Array.isArray(locations)) return 'manifest.json has no "locations" array';
  if (!locations.includes('personal_page')) return `manifest.json "locations" does not include "personal_page" (it has: ${locations.join(', ') || 'nothing'})`;
  if (!existsSync(path.join(dir, 'personal_page.js'))) return 'no personal_page.js next to manifest.json';
  return undefined;
}

export function formatSkipped(skipped: readonly SkippedFolder[]): string[] {
  return skipped.map(({ dir, reason }) => `[workbench] skipped widget folder ${dir}: ${reason}`);
}
