/**
 * (Node) Which widget folders a command works on: the folders given (arguments and --widgets), else
 * the current folder when it holds a manifest.json, else its direct subfolders that are widget
 * folders; otherwise a message that says what was looked for, and where widget folders are when
 * they sit one level further down (a repository's widgets/).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { kindOf, looksLikeWidgetFolder } from '../widgets/readFolderFile.ts';
import { isHiddenSegment } from '../widgets/servedFiles.ts';
import { shellArgument } from './shellArgument.ts';

export type FolderChoice = { folders: string[] } | { problem: string };

export function chooseWidgetFolders(cwd: string, given: string[], command = 'dev'): FolderChoice {
  if (given.length) {
    const folders = given.map((g) => path.resolve(cwd, g));
    const missing = folders.filter((f) => kindOf(f) !== 'folder');
    if (missing.length) return { problem: `Not a folder: ${missing.map((f) => path.relative(cwd, f) || '.').join(', ')}.` };
    return { folders };
  }
  if (kindOf(path.join(cwd, 'manifest.json')) === 'file') return { folders: [cwd] };
  const subfolders = listSubfolders(cwd);
  if (subfolders.some(looksLikeWidgetFolder)) return { folders: [cwd] };
  // A repository that keeps its widgets in widgets/ (or packages/): say where, and how to name it.
  const holders = subfolders.filter((dir) => path.basename(dir) !== 'node_modules' && listSubfolders(dir).some(looksLikeWidgetFolder));
  const found = holders.map((dir) => shellArgument(path.relative(cwd, dir)));
  return {
    problem:
      `No widget folder here. Looked for manifest.json in ${cwd} and in its direct subfolders, and found none. ` +
      (found.length
        ? `The widget folders are one level further down, in ${found.join(', ')}: run \`amo-workbench ${command} ${found.join(' ')}\`.`
        : 'Run the command in your widget folder (or the folder holding your widget folders), give folders as arguments ' +
          `(amo-workbench ${command} path/to/widget dist/), or create one with \`amo-workbench init my-widget\`.`),
  };
}

/** The folder's subfolders, no dot-folders, by name; none when it cannot be read. */
function listSubfolders(dir: string): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    // unreadable: no subfolders
  }
  return names
    .filter((n) => !isHiddenSegment(n))
    .map((n) => path.join(dir, n))
    .filter((d) => kindOf(d) === 'folder');
}
