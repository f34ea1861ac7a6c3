import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { mswBrowserBundlePlugin, mswBrowserModule } from './mswBrowserBundlePlugin';

const packageDir = path.dirname(createRequire(import.meta.url).resolve('msw/package.json'));
const iife = readFileSync(path.join(packageDir, 'lib/iife/index.js'), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'msw-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The names an ESM file lists in its final `export { a, b as c }`. */
function esmExportNames(file: string): string[] {
  const list = /export \{([^}]*)\};?\s*(\/\/# sourceMappingURL=\S+\s*)?$/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return list
    .split(',')
    .map((entry) =>
      entry
        .trim()
        .split(/\s+as\s+/)
        .at(-1)!,
    )
    .filter(Boolean);
}

async function importBrowserModule() {
  const file = path.join(tmp, 'msw-browser.mjs');
  writeFileSync(file, mswBrowserModule(iife, 'test'));
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

/** Calls a hook as Vite does: behind its id filter. */
function hook(plugin: Plugin, name: 'resolveId' | 'load') {
  const { filter, handler } = plugin[name] as unknown as { filter: { id: RegExp }; handler: (id: string) => unknown };
  return (id: string) => (filter.id.test(id) ? handler(id) : undefined);
}

describe('msw browser bundle', () => {
  it('exports everything `msw` and `msw/browser` export, from one instance', async () => {
    const bundle = await importBrowserModule();
    const core = Object.keys(await import('msw'));
    const browser = esmExportNames(path.join(packageDir, 'lib/browser/index.mjs'));
    expect(browser).toContain('setupWorker');
    expect(Object.keys(bundle).sort()).toEqual([...new Set([...core, ...browser])].sort());
    // The module works: a handler built with it matches a request.
    const http = bundle.http as typeof import('msw').http;
    const handler = http.get('https://backend.example/items', () => new Response('ok'));
    expect(handler.info.method).toBe('GET');
    expect(typeof bundle.setupWorker).toBe('function');
  });

  it('resolves msw and msw/browser to the same module, and leaves msw/node and others alone', () => {
    const plugin = mswBrowserBundlePlugin();
    const resolveId = hook(plugin, 'resolveId');
    const id = resolveId('msw');
    expect(id).toBeTypeOf('string');
    expect(resolveId('msw/browser')).toBe(id);
    expect(resolveId('msw/node')).toBeUndefined();
    expect(resolveId('msw-storybook-addon')).toBeUndefined();
  });

  /** The plugin after Vite resolved the config of a command. */
  function configured(command: 'serve' | 'build', sourcemap = false) {
    const plugin = mswBrowserBundlePlugin();
    (plugin.configResolved as (config: unknown) => void)({ command, base: '/', build: { sourcemap } });
    return hook(plugin, 'load')(hook(plugin, 'resolveId')('msw') as string) as { code: string; map: string | null };
  }

  it('points the dev server at MSW’s own map file instead of inlining 2 MB of it into the module', () => {
    const loaded = configured('serve');
    expect(loaded.map).toBeNull();
    const lines = loaded.code.trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(/^export const \{ .*setupWorker.* \} = MockServiceWorker;$/);
    // MSW's relative comment is gone; the one left is a /@fs/ URL of the map next to the bundle.
    expect(loaded.code.match(/sourceMappingURL/g)).toHaveLength(1);
    const url = /^\/\/# sourceMappingURL=\/@fs(\/.+)$/.exec(lines.at(-1)!)?.[1];
    expect(url).toBe(
      `${path
        .join(packageDir, 'lib/iife/index.js.map')
        .split(path.sep)
        .join('/')
        .replace(/^(?!\/)/, '/')}`,
    );
    expect(JSON.parse(readFileSync(url!, 'utf8')).sources.length).toBeGreaterThan(0);
  });

  it('gives a build the map only when it writes source maps', () => {
    const plain = configured('build');
    expect(plain.code).not.toMatch(/sourceMappingURL/);
    expect(plain.map).toBeNull();
    expect(plain.code.trimEnd().split('\n').at(-1)).toMatch(/^export const \{ .*setupWorker.* \} = MockServiceWorker;$/);
    expect(JSON.parse(configured('build', true).map!).sources.length).toBeGreaterThan(0);
  });

  it('says which file to update when a new msw changes the bundle', () => {
    expect(() => mswBrowserModule('var MockServiceWorker = (() => { return {}; })();', '9.9.9')).toThrow(
      /msw 9\.9\.9: lib\/iife\/index\.js .*mswBrowserBundlePlugin\.ts/,
    );
  });
});
