/** Reads a JSON file of a widget folder, with a BOM and a syntax error (line, column) reported as problems. */
import { readFileSync } from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { FolderProblem } from './folderProblem.ts';

export function readJsonFile(dir: string, file: string, problems: FolderProblem[]): unknown {
  let text = readFileSync(`${dir}/${file}`, 'utf8');
  if (text.startsWith('\uFEFF')) {
    problems.push({
      code: 'bom',
      file,
      message: `${file} starts with a byte-order mark (BOM).`,
      fix: 'Save the file as UTF-8 without BOM; amoCRM rejects or misreads such files.',
    });
    text = text.slice(1);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse does not always say where; jsonc-parser (strict options) gives the offset.
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const { line, column } = positionAt(text, first?.offset ?? text.length);
    const what = first ? printParseErrorCode(first.error) : (error as Error).message;
    problems.push({
      code: 'invalid-json',
      file,
      message: `${file} is not valid JSON at line ${line}, column ${column}: ${what}.`,
      fix: `Fix the JSON syntax at ${file}:${line}:${column} (a missing comma or quote, or a trailing comma).`,
    });
    return undefined;
  }
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
