import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findHostImports } from './bundleEntries';
import { bundleHost, toServedUrl } from './bundleHost';
import { bundledFileRule, hostBundlePlugin } from './hostBundlePlugin';
import { rewriteHostImports } from './rewriteHostImports';
import { prebundledPackages, servedAsPublished } from '../vite/prebundledPackages';
import { testTempDir } from '../../../tests/support/tempDir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUNDLE = 'virtual:amo-workbench/host';
const names: Record<string, string> = { '../src/a': 'm0', '../src/b': 'm1' };
const rewrite = (code: string) => rewriteHostImports(code, '/project/stories/x.stories.ts', BUNDLE, async (source) => names[source]);

describe('the dev host bundle: imports of host modules', () => {
  it('read named, default and namespace imports from the bundle namespace', async () => {
    const code = [
      "import { a, b as c } from '../src/a';",
      "import D, * as NS from '../src/b';",
      "import { expect } from 'storybook/test';",
      'export const x = a + c + D + NS.y;',
    ].join('\n');
    expect(await rewrite(code)).toBe(
      [
        `import { m0 as __amoHost0 } from "${BUNDLE}"; const { a: a, b: c } = __amoHost0;`,
        `import { m1 as __amoHost1 } from "${BUNDLE}"; const D = __amoHost1.default; const NS = __amoHost1;`,
        "import { expect } from 'storybook/test';",
        'export const x = a + c + D + NS.y;',
      ].join('\n'),
    );
  });

  it('keep line numbers when an import spans several lines', async () => {
    const code = "import {\n  a,\n  b,\n} from '../src/a';\nthrow new Error(String(a + b));\n";
    const result = (await rewrite(code))!;
    expect(result.split('\n')).toHaveLength(code.split('\n').length);
    expect(result.split('\n')[4]).toBe('throw new Error(String(a + b));');
  });

  it('turn side-effect imports and re-exports into reads of the bundle', async () => {
    expect(await rewrite("import '../src/a';")).toBe(`import { m0 as __amoHost0 } from "${BUNDLE}";`);
    expect(await rewrite("export { a, b as c } from '../src/a';")).toBe(
      `import { m0 as __amoHost0 } from "${BUNDLE}"; export const { a: a, b: c } = __amoHost0;`,
    );
  });

  it('leave a module that imports no host module untouched, and refuse export *', async () => {
    expect(await rewrite("import { expect } from 'storybook/test';")).toBeUndefined();
    await expect(rewrite("export * from '../src/a';")).rejects.toThrow(/export \* from '\.\.\/src\/a'/);
  });
});

describe('the dev host bundle: entries and bundling', () => {
  it('finds the host modules that served code imports, following helpers that are served too', () => {
    const dir = testTempDir('host-entries');
    mkdirSync(path.join(dir, 'src', 'story'), { recursive: true });
    mkdirSync(path.join(dir, 'stories'));
    writeFileSync(path.join(dir, 'src', 'story', 'cabinetOf.ts'), 'export const cabinetOf = 1;\n');
    writeFileSync(path.join(dir, 'src', 'story', 'glob.ts'), "import { x } from './x';\nexport const all = import.meta.glob('./*.json');\n");
    writeFileSync(path.join(dir, 'src', 'story', 'x.ts'), 'export const x = 1;\n');
    writeFileSync(path.join(dir, 'stories', 'helper.ts'), "import { cabinetOf } from '../src/story/cabinetOf';\nexport { cabinetOf };\n");
    writeFileSync(
      path.join(dir, 'stories', 'A.stories.ts'),
      "import { cabinetOf } from './helper';\nimport { all } from '../src/story/glob';\nimport type { T } from '../src/story/x';\n",
    );
    const isBundled = (file: string) => file.startsWith(path.join(dir, 'src')) && !file.endsWith('glob.ts');
    expect([...findHostImports([path.join(dir, 'stories')], isBundled)].map((file) => path.relative(dir, file)).sort()).toEqual([
      'src/story/cabinetOf.ts',
      'src/story/x.ts',
    ]);
  });

  it('bundles entries into one module, leaving packages and served files as imports', async () => {
    const entry = path.join(root, 'src', 'host', 'backend', 'startWorker.ts');
    const bundle = await bundleHost({
      root,
      entries: new Map([[entry, 'm0']]),
      define: { 'import.meta.env': JSON.stringify({ BASE_URL: '/base/' }) },
      // The backend mocks left out here, to see a served file stay an import.
      isBundled: (file) => file.startsWith(path.join(root, 'src') + path.sep) && !file.startsWith(path.join(root, 'src', 'host', 'backend', 'mocks')),
    });
    expect(bundle.code).toContain('export { ');
    expect(bundle.code).toMatch(/as m0\b/);
    expect(bundle.code).toContain('import("msw/browser")');
    expect(bundle.code).toContain('"/src/host/backend/mocks/isBackendRequest.ts"');
    expect(bundle.code).toContain('/base/');
    expect(bundle.files).toContain(entry);
    expect(bundle.files).toContain(path.join(root, 'src', 'host', 'backend', 'requestsInFlight.ts'));
    expect(toServedUrl(root, '/elsewhere/widget/x.ts')).toBe('/@fs/elsewhere/widget/x.ts');
  });

  it('lists a module whose code was inlined into another as one of its files, so editing it rebuilds', async () => {
    const dir = testTempDir('host-files');
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'a.ts'), "import { LIMIT } from './limits';\nexport const twice = LIMIT * 2;\n");
    writeFileSync(path.join(dir, 'src', 'limits.ts'), 'export const LIMIT = 3;\n');
    const bundle = await bundleHost({ root: dir, entries: new Map([[path.join(dir, 'src', 'a.ts'), 'm0']]), define: {}, isBundled: () => true });
    expect(bundle.code).not.toContain('limits');
    // The plugin names the map's URL; rolldown's comment names a file nobody writes.
    expect(bundle.code).not.toContain('sourceMappingURL');
    expect(JSON.parse(bundle.map!).sources).toEqual(['/src/a.ts']);
    expect([...bundle.files].map((file) => path.relative(dir, file)).sort()).toEqual(['src/a.ts', 'src/limits.ts']);
  });
});

describe('the dev host bundle: packages it imports', () => {
  it('are all pre-bundled by name or served another way, since Vite’s dependency scan skips the bundled files', async () => {
    // The plugin's own rule, as main.ts configures it.
    const { isBundled } = bundledFileRule(root, ['src/host', 'src/preview', 'src/common']);
    // The entries the dev server starts with: what the preview and the stories import.
    const found = findHostImports(
      ['src/preview/preview.ts', 'stories'].map((p) => path.join(root, p)),
      isBundled,
    );
    const entries = new Map([...found, path.join(root, 'src/host/backend/mocks/index.ts')].map((file, i) => [file, `m${i}`]));
    const { code } = await bundleHost({ root, entries, define: { 'import.meta.env': '{}' }, isBundled });
    const packages = new Set([...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*"([^"./][^"]*)"/g)].map((match) => match[1]!));
    expect(packages).toContain('jose/jwt/sign');
    const servedOtherwise = (id: string) =>
      /\.css$|\?raw$/.test(id) || // assets and raw text, never pre-bundled
      id.startsWith('virtual:amo-workbench/') || // the host libraries (hostLibrariesPlugin.ts)
      id === 'msw' ||
      id === 'msw/browser' || // MSW's browser bundle (mswBrowserBundlePlugin.ts)
      servedAsPublished.some((pkg) => id === pkg || id.startsWith(`${pkg}/`));
    expect([...packages].filter((id) => !servedOtherwise(id) && !prebundledPackages.includes(id))).toEqual([]);
  }, 30_000);
});

describe('the dev host bundle: Vite’s dependency scan', () => {
  it('does not crawl the bundled files, and leaves every other import to Vite', () => {
    const plugin = hostBundlePlugin({ root, bundled: ['src'], importers: [], aliases: {} });
    const resolveId = (source: string, importer: string, options?: { scan?: boolean }) =>
      (plugin.resolveId as (source: string, importer: string, options?: { scan?: boolean }) => string | undefined)(source, importer, options);
    const story = path.join(root, 'stories/HelloWorld.stories.ts');
    // An id with \0 is one the scan leaves out (Vite's shouldExternalizeDep).
    expect(resolveId('../src/preview/cabinetOf', story, { scan: true })).toMatch(/^\0/);
    expect(resolveId('../src/host/backend/mocks/scenarios.ts', story, { scan: true })).toMatch(/^\0/);
    expect(resolveId('./fixtureWidgets', story, { scan: true })).toBeUndefined();
    expect(resolveId('storybook/test', story, { scan: true })).toBeUndefined();
    // Serving is not the scan: the page still imports src/ through the bundle's rewrite.
    expect(resolveId('../src/preview/cabinetOf', story)).toBeUndefined();
  });
});
