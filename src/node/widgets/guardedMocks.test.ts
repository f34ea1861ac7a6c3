import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MOCKS_PROBLEM_KEY } from '../../common/folderProblem';
import { guardedMocksEntry, guardedMocksImport } from './guardedMocks';

const root = mkdtempSync(path.join(tmpdir(), 'wb-guarded-mocks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the guarded entry (as Node's ESM loader runs it) over a mocks module with `source`; returns its `handlers`. */
async function handlersOf(name: string, source: string): Promise<unknown> {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'handlers.mjs'), source);
  writeFileSync(path.join(dir, 'entry.mjs'), guardedMocksEntry('./handlers.mjs', 'mocks/handlers.mjs'));
  return ((await import(pathToFileURL(path.join(dir, 'entry.mjs')).href)) as { handlers: unknown }).handlers;
}

const problemOf = (handlers: unknown) => (handlers as Record<string, unknown>)[MOCKS_PROBLEM_KEY];

describe('the guarded entry to a mocks file', () => {
  it('passes the file’s handlers through, whatever they are (their shape is checked by the story)', async () => {
    expect(await handlersOf('fine', 'export const handlers = [1, 2];\nexport const seen = [];\n')).toEqual([1, 2]);
    expect(await handlersOf('object', 'export const handlers = { get: 1 };\n')).toEqual({ get: 1 });
  });

  // Node's globals exist where this runs: the hint for them is checked in a browser (tests/integration/staticBuild.test.ts).
  it('turns a throw while the file loads into the marker', async () => {
    expect(problemOf(await handlersOf('throws', "const base = new URL('/api', undefined);\nexport const handlers = [];\n"))).toBe(
      `mocks/handlers.mjs threw while it loaded: TypeError: Invalid URL; the story runs without the folder's handlers.`,
    );
    expect(problemOf(await handlersOf('undefined-name', 'const data = fixtures.documents;\nexport const handlers = [];\n'))).toBe(
      `mocks/handlers.mjs threw while it loaded: ReferenceError: fixtures is not defined; the story runs without the folder's handlers.`,
    );
  });

  it("names a fixture no plugin reads by its path in the folder, not the dev server's /@fs/ path, with the ?raw import", async () => {
    // The browser's words for a .csv fixture the dev server served as JavaScript.
    const thrown = `throw new SyntaxError("The requested module '/@fs/home/dev/repo/widgets/docs/mocks/documents.csv?import' does not provide an export named 'default'");\n`;
    expect(problemOf(await handlersOf('fixture', thrown))).toBe(
      `mocks/handlers.mjs threw while it loaded: SyntaxError: The requested module 'mocks/documents.csv' does not provide an export named 'default' (no plugin reads .csv files: import its text, './documents.csv?raw'); the story runs without the folder's handlers.`,
    );
  });

  it('names handlers given as the default export, and a file without them', async () => {
    expect(problemOf(await handlersOf('default', 'export default [1];\n'))).toBe(
      `mocks/handlers.mjs has its handlers as the default export, not as "handlers" (write export const handlers = [...]); the story runs without the folder's handlers.`,
    );
    expect(problemOf(await handlersOf('misnamed', 'export const handler = [1];\nexport const data = {};\n'))).toBe(
      `mocks/handlers.mjs exports no "handlers" (write export const handlers = [...]); it exports "handler", "data"; the story runs without the folder's handlers.`,
    );
  });

  it('is imported by the generated files with its query', () => {
    expect(guardedMocksImport('../widgets/x/mocks/handlers.ts')).toBe('../widgets/x/mocks/handlers.ts?amo-workbench-mocks');
  });
});
