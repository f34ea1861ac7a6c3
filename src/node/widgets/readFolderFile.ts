/**
 * (Node) Reads a file of a widget folder for the checks without ever throwing: a path that is a
 * folder, an unreadable file, an empty file, invalid UTF-8 and a byte-order mark each become a
 * folder problem naming the file and the fix, and the caller gets no text.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FolderProblem } from '../../common/folderProblem.ts';

// ignoreBOM keeps a BOM in the text, so it can be reported.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type FileKind = 'missing' | 'file' | 'folder' | 'other';

/**
 * A folder is a widget folder (perhaps a broken one) when it has a manifest.json or a
 * personal_page.js. Here, apart from the checks, so the command can choose folders without loading them.
 */
export function looksLikeWidgetFolder(dir: string): boolean {
  return kindOf(path.join(dir, 'manifest.json')) !== 'missing' || kindOf(path.join(dir, 'personal_page.js')) !== 'missing';
}

export function kindOf(full: string): FileKind {
  try {
    const stat = statSync(full);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/** The text of `file` (relative to `dir`), BOM removed; undefined, with a problem, when it cannot be used. */
export function readTextFile(dir: string, file: string, problems: FolderProblem[]): string | undefined {
  const full = path.join(dir, file);
  const kind = kindOf(full);
  if (kind === 'folder' || kind === 'other') {
    problems.push({
      code: 'not-a-file',
      file,
      message: `${file} is ${kind === 'folder' ? 'a folder' : 'not a regular file'}, not a file.`,
      fix: `Replace it with the ${file} file the widget needs.`,
    });
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (error) {
    problems.push({
      code: 'unreadable-file',
      file,
      message: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      fix: `Check the file's permissions.`,
    });
    return undefined;
  }
  if (bytes.length === 0) {
    problems.push({ code: 'empty-file', file, message: `${file} is empty.`, fix: `Write the ${file} content (an empty file is not valid JSON).` });
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    problems.push({
      code: 'invalid-utf8',
      file,
      message: `${file} is not valid UTF-8 (first bad byte at offset ${offset}).`,
      fix: 'Save the file as UTF-8 (without BOM); amoCRM reads widget files as UTF-8.',
    });
    return undefined;
  }
  if (text.startsWith('\uFEFF')) {
    problems.push({
      code: 'bom',
      file,
      message: `${file} starts with a byte-order mark (BOM).`,
      fix: 'Save the file as UTF-8 without BOM; amoCRM rejects or misreads such files.',
    });
    text = text.slice(1);
  }
  return text;
}

/** Offset of the first byte that breaks UTF-8 (overlongs and surrogates aside: the decoder already said no). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (!length) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}
