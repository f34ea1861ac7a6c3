/**
 * (Node) What an upload archive holds: the served files (servedFiles.ts) less what never ships.
 * Stricter than what the dev server and a static build serve: the workbench's `mocks/`, OS litter
 * and source maps stay out of the archive. Everything left out is listed with the reason, so
 * `validate` and `pack` can say so (a note; a warning for source maps), never fail on it.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_FOLDER, isHiddenSegment, listServedFiles, realRoot, type ServedFile } from './servedFiles.ts';
import { STATES_FILE } from './widgetStates.ts';

export interface LeftOut {
  /** Posix path inside the folder (a folder ends with `/`). */
  relative: string;
  reason: string;
  /** A source map is a warning (it may be wanted by mistake); the rest is a note. */
  severity: 'note' | 'warning';
}

/** Files of the project around a widget (when the widget folder is the project), never the widget's. */
const PROJECT_FILES = new Set([
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
]);
/**
 * The build's and the editor's configuration at the project's root: a bundler's (webpack.prod.js
 * too), TypeScript's, a linter's or test runner's. The browser never loads them; shipped, they
 * publish how the widget is built.
 */
const PROJECT_CONFIG =
  /^(?:(?:webpack|vite|vitest|rollup|rolldown|esbuild|tsup|babel|jest|postcss|tailwind|eslint|prettier|stylelint|playwright|svelte)\.config\.[cm]?[jt]s|webpack\.[\w.-]+\.[cm]?js|[jt]sconfig(?:\.[\w-]+)?\.json|biome\.jsonc?)$/;

/** Files the operating system leaves in folders. */
const OS_LITTER = new Set(['Thumbs.db', 'ehthumbs.db', 'desktop.ini', 'Desktop.ini', '__MACOSX']);

export function isSourceMap(relative: string): boolean {
  return relative.endsWith('.map');
}

export function shippedFiles(dir: string): { files: ServedFile[]; leftOut: LeftOut[] } {
  const leftOut: LeftOut[] = [];
  const files: ServedFile[] = [];
  for (const file of listServedFiles(dir)) {
    const first = file.relative.split('/')[0]!;
    const name = file.relative.split('/').at(-1)!;
    if (first === 'mocks') continue; // listed once below
    if (PROJECT_FILES.has(file.relative) || PROJECT_CONFIG.test(file.relative)) {
      leftOut.push({ relative: file.relative, reason: 'a project file, not part of the widget', severity: 'note' });
      continue;
    }
    if (file.relative === STATES_FILE) {
      leftOut.push({ relative: file.relative, reason: "the workbench's states: for stories only", severity: 'note' });
      continue;
    }
    if (file.relative === 'widget.zip') {
      leftOut.push({ relative: file.relative, reason: 'an upload archive (a previous pack?)', severity: 'note' });
      continue;
    }
    if (OS_LITTER.has(name) || file.relative.split('/').some((s) => OS_LITTER.has(s)))
      leftOut.push({ relative: file.relative, reason: 'operating-system litter', severity: 'note' });
    else if (isSourceMap(file.relative)) leftOut.push({ relative: file.relative, reason: 'a source map: it would publish your sources', severity: 'warning' });
    else files.push(file);
  }
  leftOut.push(...unservedEntries(dir));
  return { files, leftOut: leftOut.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)) };
}

/** The folder's own entries that are never served (dotfiles, node_modules, mocks/, links out), one line each. */
function unservedEntries(dir: string): LeftOut[] {
  const root = realRoot(dir);
  if (!root) return [];
  const result: LeftOut[] = [];
  const walk = (realDir: string, relative: string[]) => {
    let names: string[];
    try {
      names = readdirSync(realDir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const rel = [...relative, name].join('/');
      const full = path.join(realDir, name);
      const isDir = (() => {
        try {
          return lstatSync(full).isDirectory();
        } catch {
          return false;
        }
      })();
      if (relative.length === 0 && name === 'mocks') {
        result.push({ relative: 'mocks/', reason: "the workbench's mocks: for stories only", severity: 'note' });
        continue;
      }
      if (relative.length === 0 && name === GENERATED_FOLDER) {
        result.push({ relative: `${name}/`, reason: "the workbench's generated stories", severity: 'note' });
        continue;
      }
      if (name === 'node_modules') {
        result.push({ relative: `${rel}/`, reason: 'installed packages', severity: 'note' });
        continue;
      }
      if (isHiddenSegment(name)) {
        result.push({ relative: isDir ? `${rel}/` : rel, reason: 'a dotfile or dot-folder', severity: 'note' });
        continue;
      }
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        result.push({ relative: rel, reason: 'a symbolic link whose target does not exist', severity: 'note' });
        continue;
      }
      if (!real.startsWith(root + path.sep)) {
        result.push({ relative: rel, reason: 'a symbolic link to a file outside the folder', severity: 'note' });
        continue;
      }
      if (isDir) walk(full, [...relative, name]);
    }
  };
  walk(root, []);
  return result;
}
