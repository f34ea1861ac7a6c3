/**
 * Finds widget folders: every folder directly inside the repo's `widgets/` and inside each folder
 * listed in WIDGETS_DIR (separated by the platform's path delimiter, `:` or `;` on Windows; absolute
 * or relative to the project; a listed folder that is itself a widget counts too). A folder with a
 * manifest.json or a personal_page.js is a widget folder, even a broken one: its story shows what is
 * wrong. Symlinked folders are followed and named after the link. Other folders are skipped with a reason.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kindOf, looksLikeWidgetFolder } from './readFolderFile.ts';
import { readWidgetFolder, type FolderChecks, type WidgetFolder } from './readWidgetFolder.ts';
import { isHiddenSegment } from './servedFiles.ts';

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
  /** The project root: WIDGETS_DIR entries are relative to it, and places shown are too. */
  root: string;
  /** The raw WIDGETS_DIR value. */
  widgetsDirEnv?: string;
  /** How manifest.json and workbench.states.json are checked (default: uncached). */
  checks?: FolderChecks;
  /** Search the project's own `widgets/` folder (this repository's examples); true by default. */
  projectWidgets?: boolean;
}

export function widgetRoots({ root, widgetsDirEnv, projectWidgets = true }: DiscoverOptions): string[] {
  const extra = (widgetsDirEnv ?? '')
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => path.resolve(root, entry));
  return [...new Set([...(projectWidgets ? [path.join(root, 'widgets')] : []), ...extra])];
}

/** How a folder is shown: relative to the project when inside it, else `$WIDGETS_DIR/...`; never absolute. */
export function placeOf(root: string, searchRoot: string, dir: string): string {
  const inProject = path.relative(root, dir);
  const posix = (p: string) => p.split(path.sep).join('/');
  if (inProject && !inProject.startsWith('..') && !path.isAbsolute(inProject)) return posix(inProject);
  const inSearchRoot = path.relative(searchRoot, dir);
  return inSearchRoot ? `$WIDGETS_DIR/${posix(inSearchRoot)}` : `$WIDGETS_DIR (${path.basename(dir)})`;
}

export function discoverWidgets(options: DiscoverOptions): Discovery {
  const widgets: WidgetFolder[] = [];
  const skipped: SkippedFolder[] = [];
  const roots = widgetRoots(options);
  const seen = new Set<string>();

  const consider = (dir: string, searchRoot: string) => {
    const place = placeOf(options.root, searchRoot, dir);
    if (!looksLikeWidgetFolder(dir)) return skipped.push({ dir: place, reason: 'neither manifest.json nor personal_page.js in it' });
    if (seen.has(dir)) return;
    seen.add(dir);
    widgets.push(readWidgetFolder(dir, options.checks, place));
  };

  for (const rootDir of roots) {
    if (kindOf(rootDir) !== 'folder') {
      if (rootDir !== path.join(options.root, 'widgets')) skipped.push({ dir: rootDir, reason: 'WIDGETS_DIR names a folder that does not exist' });
      continue;
    }
    if (looksLikeWidgetFolder(rootDir)) {
      consider(rootDir, rootDir);
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(rootDir);
    } catch (error) {
      skipped.push({ dir: rootDir, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    for (const name of entries.sort()) {
      // A symlink to a folder counts (kindOf follows it): a link to a build output is a common setup.
      if (isHiddenSegment(name)) continue;
      const full = path.join(rootDir, name);
      const kind = kindOf(full);
      if (kind === 'folder') consider(full, rootDir);
      else if (kind === 'missing' && lstatSync(full, { throwIfNoEntry: false })?.isSymbolicLink()) {
        skipped.push({ dir: placeOf(options.root, rootDir, full), reason: 'a symbolic link whose target does not exist (a build output not built yet?)' });
      }
    }
  }
  widgets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.place < b.place ? -1 : a.place > b.place ? 1 : 0));
  return { widgets, skipped, roots };
}

export function formatSkipped(skipped: readonly SkippedFolder[]): string[] {
  return skipped.map(({ dir, reason }) => `[workbench] skipped widget folder ${dir}: ${reason}`);
}

/** One console line per folder problem, so they show where the server runs too. */
export function formatProblems(widgets: readonly WidgetFolder[]): string[] {
  return widgets.flatMap((w) =>
    w.problems
      .filter((p) => p.upload !== 'note')
      .map((p) => `[workbench] widget folder ${w.place}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message} ${p.fix}`),
  );
}
