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
    const what = first ? (WORDS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)) : (error as Error).message;
    problems.push({
      code: 'invalid-json',
      file,
      message: `${file} is not valid JSON at line ${line}, column ${column}: ${what}.`,
      fix: `Fix the JSON syntax at ${file}:${line}:${column} (a missing comma or quote, or a trailing comma).`,
    });
    return undefined;
  }
}

const WORDS: Record<string, string> = {
  CommaExpected: 'a comma is missing',
  ColonExpected: 'a colon is missing',
  PropertyNameExpected: 'a property name is expected (a trailing comma before it?)',
  ValueExpected: 'a value is expected',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'unexpected text after the end of the JSON',
  InvalidSymbol: 'an invalid character',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
};

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
