/**
 * Reads a JSON file of a widget folder: a file that cannot be used (readFolderFile.ts), a syntax
 * error (line, column) and nesting too deep for the checks are reported as problems, never thrown.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { FolderProblem } from '../../common/folderProblem.ts';
import { readTextFile } from './readFolderFile.ts';

/** Deeper than any manifest or i18n file needs; the checks walk the value recursively. */
export const MAX_JSON_DEPTH = 64;

export function readJsonFile(dir: string, file: string, problems: FolderProblem[]): unknown {
  const text = readTextFile(dir, file, problems);
  if (text === undefined) return undefined;
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    problems.push({
      code: 'json-too-deep',
      file,
      message: `${file} nests objects or arrays ${depth} levels deep; the workbench reads at most ${MAX_JSON_DEPTH}.`,
      fix: `Flatten ${file}: manifest and i18n files need a few levels at most.`,
    });
    return undefined;
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

/** The deepest nesting of `[` and `{` outside strings: one linear pass, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
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
