import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mocksProblem } from './mocksGuardPlugin';

const folder = mkdtempSync(path.join(tmpdir(), 'wb-mocks-guard-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(path.join(folder, 'mocks'));
const handlers = path.join(folder, 'mocks', 'handlers.ts');
writeFileSync(path.join(folder, 'mocks', 'data.ts'), 'export const documents: string[] = [];\n');
writeFileSync(path.join(folder, 'mocks', 'broken.js'), 'export const x = ;\n');
writeFileSync(
  path.join(folder, 'mocks', 'helpers.ts'),
  "export { documents } from './data';\nexport function withToken() {}\nexport type Claims = { a: number };\nexport default 1;\n",
);
writeFileSync(path.join(folder, 'mocks', 'everything.js'), "export * from './data';\n");
writeFileSync(path.join(folder, 'mocks', 'commonjs.js'), 'module.exports = { a: 1 };\n');
writeFileSync(path.join(folder, 'mocks', 'documents.json'), '[{ "name": "Contract" },]\n');
writeFileSync(path.join(folder, 'mocks', 'fine.json'), '[{ "name": "Contract" }]\n');

// Resolves as Vite would here: files that exist, and the packages this test says are installed.
const resolver = {
  async resolve(source: string, importer: string) {
    // Vite's stand-in for a Node built-in in a browser build.
    if (source.startsWith('node:')) return { id: `__vite-browser-external:${source}` };
    if (!/^[./]/.test(source)) return ['msw', '@amocrm-workbench/mocks'].includes(source) ? { id: `/node_modules/${source}/index.js` } : null;
    for (const ext of ['', '.ts', '.js']) {
      const file = path.resolve(path.dirname(importer), source + ext);
      if (existsSync(file)) return { id: file };
    }
    return null;
  },
};

describe('a widget’s mocks file that cannot be built', () => {
  it('names an imported name the module does not export, with the closest one', async () => {
    const ok =
      "import helpers, { documents, withToken, type Claims } from './helpers';\nimport type { Other } from './helpers';\nexport const handlers = [];\n";
    expect(await mocksProblem(ok, handlers, folder, resolver)).toBeUndefined();
    expect(await mocksProblem("import { withTokn } from './helpers';\n", handlers, folder, resolver)).toBe(
      `mocks/handlers.ts imports "withTokn" (did you mean "withToken"?) from "./helpers", which does not export it; the story runs without the folder's handlers.`,
    );
    // MSW's names, as the plugin knows them.
    const withMsw = { ...resolver, exportsOf: (source: string) => (source === 'msw' ? ['http', 'HttpResponse', 'delay'] : undefined) };
    expect(await mocksProblem("import { http, HttpRespons } from 'msw';\n", handlers, folder, withMsw)).toBe(
      `mocks/handlers.ts imports "HttpRespons" (did you mean "HttpResponse"?) from "msw", which does not export it; the story runs without the folder's handlers.`,
    );
    // Exports it cannot list (export *, CommonJS) are not second-guessed.
    expect(await mocksProblem("import { anything } from './everything';\nimport { a } from './commonjs';\n", handlers, folder, resolver)).toBeUndefined();
  });

  it('passes one that parses and whose imports resolve, type-only imports and helpers included', async () => {
    const code =
      "import { http } from 'msw';\nimport type { Thing } from 'not-installed-types';\nimport { documents } from './data';\nexport const handlers = [];\n";
    expect(await mocksProblem(code, handlers, folder, resolver)).toBeUndefined();
  });

  it('follows a helper outside the widget folder (shared mocks), not the workbench’s own code', async () => {
    const shared = mkdtempSync(path.join(tmpdir(), 'wb-shared-mocks-'));
    writeFileSync(path.join(shared, 'broken.js'), 'export const x = ;\n');
    const source = `import { x } from ${JSON.stringify(path.relative(path.dirname(handlers), path.join(shared, 'broken')))};\n`;
    try {
      expect(await mocksProblem(source, handlers, folder, resolver)).toMatch(/broken\.js does not parse: Unexpected token/);
      expect(await mocksProblem(source, handlers, folder, resolver, shared)).toBeUndefined();
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it('names a JSON fixture that does not parse', async () => {
    expect(await mocksProblem("import fine from './fine.json';\n", handlers, folder, resolver)).toBeUndefined();
    expect(await mocksProblem("import documents from './documents.json';\n", handlers, folder, resolver)).toMatch(
      /^mocks\/documents\.json is not valid JSON \(.+\); the story runs without the folder's handlers\.$/,
    );
  });

  it('names a syntax error with its line and column', async () => {
    expect(await mocksProblem("import { http } from 'msw';\nexport const handlers = [;\n", handlers, folder, resolver)).toBe(
      "mocks/handlers.ts does not parse: Unexpected token (line 2, column 26); the story runs without the folder's handlers.",
    );
  });

  it('names an import that is not there, a package that is not installed, and a helper that does not parse', async () => {
    expect(await mocksProblem("import { x } from './missing';\n", handlers, folder, resolver)).toBe(
      `mocks/handlers.ts imports "./missing", which is not there; the story runs without the folder's handlers.`,
    );
    expect(await mocksProblem("import { faker } from '@faker-js/faker/locale/ru';\n", handlers, folder, resolver)).toBe(
      `mocks/handlers.ts imports "@faker-js/faker/locale/ru", which is not installed; the story runs without the folder's handlers. Install it in your project (npm i -D @faker-js/faker).`,
    );
    expect(await mocksProblem("export const load = async () => (await import('./fixtures/missing.js')).default;\n", handlers, folder, resolver)).toBe(
      `mocks/handlers.ts imports "./fixtures/missing.js", which is not there; the story runs without the folder's handlers.`,
    );
    expect(await mocksProblem("import { readFileSync } from 'node:fs';\n", handlers, folder, resolver)).toBe(
      `mocks/handlers.ts imports "node:fs", a Node built-in the browser does not have (mocks run in the page, beside the widget); the story runs without the folder's handlers. Import fixtures instead: import data from './data.json'.`,
    );
    expect(await mocksProblem("export { x } from './broken';\n", handlers, folder, resolver)).toMatch(
      /^mocks\/broken\.js does not parse: Unexpected token \(line 1, column 18\)/,
    );
  });
});
