/**
 * (Node) `amo-workbench validate`: every rule at once (the folder checks and the upload rules,
 * the same code the story's strip shows), each problem with its upload severity.
 */
import path from 'node:path';
import { uploadSeverity, type FolderProblem } from '../../common/folderProblem.ts';
import { readWidgetFolder } from './readWidgetFolder.ts';
import { kindOf } from './readFolderFile.ts';

export interface ValidationLine {
  severity: 'error' | 'warning' | 'note';
  code: FolderProblem['code'];
  file: string;
  message: string;
  fix: string;
}

export interface Validation {
  /** The folder as given. */
  folder: string;
  lines: ValidationLine[];
  errors: number;
  warnings: number;
}

const ORDER = { error: 0, warning: 1, note: 2 } as const;

export function validateWidget(dir: string): Validation {
  if (kindOf(dir) !== 'folder') {
    return {
      folder: dir,
      lines: [
        {
          severity: 'error',
          code: 'no-manifest',
          file: '.',
          message: `${dir} is not a folder.`,
          fix: 'Give the widget folder: the one that holds manifest.json.',
        },
      ],
      errors: 1,
      warnings: 0,
    };
  }
  const widget = readWidgetFolder(dir, undefined, path.basename(path.resolve(dir)));
  const lines = widget.problems
    .filter((p) => p.code !== 'duplicate-name')
    .map((p) => ({ severity: uploadSeverity(p), code: p.code, file: p.file, message: p.message, fix: p.fix }))
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { folder: dir, lines, errors: lines.filter((l) => l.severity === 'error').length, warnings: lines.filter((l) => l.severity === 'warning').length };
}

/** One line a problem: `error manifest.json: what is wrong. Fix: what to do. [code]` */
export function formatValidation(validation: Validation): string[] {
  return validation.lines.map((l) => `${l.severity.padEnd(7)} ${l.file}: ${l.message} Fix: ${l.fix} [${l.code}]`);
}
