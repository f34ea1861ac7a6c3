/**
 * (Node) Which widget folders a command works on: the folders given (arguments and --widgets), else
 * the current folder when it holds a manifest.json, else its direct subfolders that are widget
 * folders; otherwise a message that says what was looked for.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { kindOf, looksLikeWidgetFolder } from '../widgets/readFolderFile.ts';
import { isHiddenSegment } from '../widgets/servedFiles.ts';

export type FolderChoice = { folders: string[] } | { problem: string };

export function chooseWidgetFolders(cwd: string, given: string[]): FolderChoice {
  if (given.length) {
    const folders = given.map((g) => path.resolve(cwd, g));
    const missing = folders.filter((f) => kindOf(f) !== 'folder');
    if (missing.length) return { problem: `Not a folder: ${missing.map((f) => path.relative(cwd, f) || '.').join(', ')}.` };
    return { folders };
  }
  if (kindOf(path.join(cwd, 'manifest.json')) === 'file') return { folders: [cwd] };
  let names: string[] = [];
  try {
    names = readdirSync(cwd).sort();
  } catch {
    // unreadable: the message below
  }
  const widgets = names.filter((n) => !isHiddenSegment(n) && kindOf(path.join(cwd, n)) === 'folder' && looksLikeWidgetFolder(path.join(cwd, n)));
  if (widgets.length) return { folders: [cwd] };
  return {
    problem:
      `No widget folder here. Looked for manifest.json in ${cwd} and in its direct subfolders, and found none. ` +
      'Run the command in your widget folder (or the folder holding your widget folders), give folders as arguments ' +
      '(amo-workbench dev path/to/widget dist/), or create one with `amo-workbench init my-widget`.',
  };
}
