/**
 * (Node) The guarded entry to a widget folder's mocks file: what the generated story files and the
 * folder list import instead of the file itself (`mocks/handlers.js?amo-workbench-mocks`), served by
 * mocksGuardPlugin.ts. It imports the file dynamically, so what only running the file tells (a
 * throw while it loads, no `handlers` export) becomes the story's `bad-mocks` marker instead of a
 * failed story file (Storybook's error screen) or a failed build (a static import of a missing name).
 */
import { MOCKS_PROBLEM_KEY } from '../../common/folderProblem.ts';

/** The query of the guarded entry to a mocks file: what the generated story files import (widgetStoryFiles.ts). */
export const GUARDED_MOCKS_QUERY = 'amo-workbench-mocks';

/** The import specifier of a mocks file's guarded entry, from a relative (posix) import path. */
export function guardedMocksImport(importPath: string): string {
  return `${importPath}?${GUARDED_MOCKS_QUERY}`;
}

/**
 * The guarded entry's code: the mocks file imported dynamically, so that a throw while it loads, or
 * a missing `handlers` export, is the marker rather than a failed import of the story file (a
 * static import of a missing name fails the whole build). `shown`: the file's path in its folder.
 */
export function guardedMocksEntry(specifier: string, shown: string): string {
  return `// The workbench's guarded entry to ${shown} (amo-workbench:mocks-guard).
const FILE = ${JSON.stringify(shown)};
const WITHOUT = "; the story runs without the folder's handlers.";
const problem = (message) => ({ ${MOCKS_PROBLEM_KEY}: FILE + message + WITHOUT });
let handlers;
try {
  const module = await import(${JSON.stringify(specifier)});
  if ("handlers" in module) handlers = module.handlers;
  else if ("default" in module && Array.isArray(module.default))
    handlers = problem(' has its handlers as the default export, not as "handlers" (write export const handlers = [...])');
  else {
    const names = Object.keys(module).filter((name) => name !== "default");
    handlers = problem(' exports no "handlers" (write export const handlers = [...])' + (names.length ? "; it exports " + names.map((name) => '"' + name + '"').join(", ") : ""));
  }
} catch (error) {
  // The dev server names a file by /@fs/ and its absolute path: the folder's own path reads better.
  const text = String(error instanceof Error ? error.name + ": " + error.message : error).replace(/\\/@fs\\/[^'"\\s]*?\\/(mocks\\/[^'"\\s?]*)(\\?[^'"\\s]*)?/g, "$1");
  const node = /\\b(process|require|module|exports|__dirname|__filename|Buffer|global) is not defined/.test(text);
  // A fixture in a format no plugin reads (a .csv without ?raw) is parsed as JavaScript, without the export asked for.
  const fixture = /module '([^']*?([^'/]+)\\.(?!m?[jt]sx?'|json')([a-z]+))' does not provide an export named/.exec(text);
  handlers = problem(
    " threw while it loaded: " + text +
      (node ? " (a mocks file runs in the browser, without Node's globals)" : "") +
      (fixture ? " (no plugin reads ." + fixture[3] + " files: import its text, './" + fixture[2] + "." + fixture[3] + "?raw')" : ""),
  );
}
export { handlers };
`;
}
