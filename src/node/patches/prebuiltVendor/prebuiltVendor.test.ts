import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from 'vite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { facadeModule, HOST_LIBRARY_PACKAGES, HOST_LIBRARY_PREFIX } from '../../vite/hostLibrariesPlugin';
import { loadMswBrowserModule } from '../../vite/mswBrowserBundlePlugin';
import { prebuiltVendorPlugin, vendorSettings } from './prebuiltVendorPlugin';
import { cachedVendorBundle, type VendorSettings } from './vendorCache';
import { PREBUILT_HOST_LIBRARIES, STORYBOOK_RUNTIME, VENDOR_IMPORTS, vendorEntries, vendorEntryFor } from './vendorEntries';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'prebuilt-vendor-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SETTINGS: VendorSettings = { nodeEnv: 'production', minify: true, sourcemap: false };
const matchesFilter = (id: string) => VENDOR_IMPORTS.some((filter) => filter.test(id));

describe('what a build takes prebuilt', () => {
  it('answers msw, msw/browser, the heavy host libraries and Storybook’s preview runtime, and nothing else', () => {
    expect(vendorEntryFor('msw')).toBe('msw');
    expect(vendorEntryFor('msw/browser')).toBe('msw');
    expect(vendorEntryFor('storybook/internal/preview/runtime')).toBe('storybook-preview-runtime');
    expect(matchesFilter('storybook/internal/preview/runtime')).toBe(true);
    for (const name of ['react', 'react-dom', 'react-dom-client', 'redux-toolkit', 'react-redux', 'immer', 'lodash', 'jquery']) {
      expect(vendorEntryFor(`${HOST_LIBRARY_PREFIX}${name}`)).toBe(name);
      expect(matchesFilter(`${HOST_LIBRARY_PREFIX}${name}`)).toBe(true);
    }
    // dateformat is shared with the cabinet's own code; the small ones are not worth a file.
    for (const id of [
      `${HOST_LIBRARY_PREFIX}dateformat`,
      `${HOST_LIBRARY_PREFIX}nanoid`,
      `${HOST_LIBRARY_PREFIX}classnames`,
      'msw/node',
      'mswx',
      'react',
      `${HOST_LIBRARY_PREFIX}reactx`,
      'storybook/preview-api',
      'storybook/internal/preview/runtimex',
    ]) {
      expect(vendorEntryFor(id)).toBeUndefined();
      expect(matchesFilter(id)).toBe(false);
    }
  });

  it('bundles the same modules as a plain build: the host library facades, MSW’s browser module, Storybook’s runtime', () => {
    const entries = vendorEntries();
    expect(Object.keys(entries).sort()).toEqual([...PREBUILT_HOST_LIBRARIES, 'msw', 'storybook-preview-runtime'].sort());
    expect(entries['storybook-preview-runtime']).toBe('export * from "storybook/internal/preview/runtime";\n');
    for (const name of PREBUILT_HOST_LIBRARIES) expect(entries[name]).toBe(facadeModule(name));
    expect(entries.msw).toBe(loadMswBrowserModule());
    for (const name of PREBUILT_HOST_LIBRARIES) expect(HOST_LIBRARY_PACKAGES).toHaveProperty(name);
  });

  it('bundles with the build’s own NODE_ENV, minification, source maps and target', () => {
    const config = (build: Partial<ResolvedConfig['build']>, define?: Record<string, string>, mode = 'production') =>
      vendorSettings({ build: { minify: 'oxc', sourcemap: false, target: 'esnext', ...build } as ResolvedConfig['build'], define, mode });
    expect(config({})).toEqual({ nodeEnv: process.env.NODE_ENV || 'production', minify: true, sourcemap: false, target: 'esnext' });
    expect(config({}, { 'process.env.NODE_ENV': '"development"' }).nodeEnv).toBe('development');
    expect(config({ minify: false }).minify).toBe(false);
    expect(config({ sourcemap: true }).sourcemap).toBe(true);
    expect(config({ sourcemap: 'inline' }).sourcemap).toBe(true);
    expect(config({ sourcemap: 'hidden' }).sourcemap).toBe('hidden');
    expect(config({ target: ['chrome111', 'safari16'] }).target).toEqual(['chrome111', 'safari16']);
    expect(config({ target: false })).not.toHaveProperty('target');
  });
});

describe('the vendor bundle cache', () => {
  const dir = mkdtempSync(path.join(tmp, 'cache-'));
  const library = path.join(dir, 'library.js');
  const cacheFile = path.join(dir, 'cache', 'vendor.json');
  const entries = { lib: `import { greeting } from ${JSON.stringify(library)};\nexport default greeting;\n` };

  it('builds once, then answers from the cache with the same files', async () => {
    writeFileSync(library, 'export const greeting = "hello";\n');
    const first = await cachedVendorBundle(dir, cacheFile, entries, SETTINGS);
    expect(first.built).toBe(true);
    const file = first.entries.get('lib')!;
    expect(file).toMatch(/^lib-[\w-]+\.js$/);
    expect(first.files.get(file)).toMatch(/["'`]hello["'`]/);

    const second = await cachedVendorBundle(dir, cacheFile, entries, SETTINGS);
    expect(second.built).toBe(false);
    expect(second.entries).toEqual(first.entries);
    expect(second.files).toEqual(first.files);
  });

  it('builds again when a file it read changes, under a new file name', async () => {
    const before = await cachedVendorBundle(dir, cacheFile, entries, SETTINGS);
    writeFileSync(library, 'export const greeting = "changed";\n');
    const after = await cachedVendorBundle(dir, cacheFile, entries, SETTINGS);
    expect(after.built).toBe(true);
    expect(after.entries.get('lib')).not.toBe(before.entries.get('lib'));
    expect(after.files.get(after.entries.get('lib')!)).toMatch(/["'`]changed["'`]/);
  });

  it('builds again for other settings or other entry code, with maps when the build writes them', async () => {
    await cachedVendorBundle(dir, cacheFile, entries, SETTINGS);
    const withMaps = await cachedVendorBundle(dir, cacheFile, entries, { ...SETTINGS, sourcemap: true });
    expect(withMaps.built).toBe(true);
    const file = withMaps.entries.get('lib')!;
    expect(withMaps.files.get(file)).toContain(`//# sourceMappingURL=${file}.map`);
    expect(JSON.parse(withMaps.files.get(`${file}.map`)!)).toHaveProperty('mappings');

    const unminified = await cachedVendorBundle(dir, cacheFile, entries, { ...SETTINGS, minify: false });
    expect(unminified.built).toBe(true);
    const otherEntry = await cachedVendorBundle(dir, cacheFile, { lib: `${entries.lib}export const extra = 1;\n` }, { ...SETTINGS, minify: false });
    expect(otherEntry.built).toBe(true);
  });

  it('replaces an unreadable cache file', async () => {
    writeFileSync(cacheFile, '{ not json');
    expect((await cachedVendorBundle(dir, cacheFile, entries, SETTINGS)).built).toBe(true);
    expect(() => JSON.parse(readFileSync(cacheFile, 'utf8'))).not.toThrow();
    expect((await cachedVendorBundle(dir, cacheFile, entries, SETTINGS)).built).toBe(false);
  });
});

describe('prebuiltVendorPlugin', () => {
  it('turns the imports into relative imports of files it writes into the assets folder', async () => {
    const plugin = prebuiltVendorPlugin({ root, cacheFile: path.join(tmp, 'plugin', 'vendor.json') });
    expect(plugin.apply).toBe('build');
    (plugin.configResolved as (config: unknown) => void)({
      build: { assetsDir: 'static', minify: 'oxc', sourcemap: false, target: 'esnext' },
      define: {},
      mode: 'production',
    });
    (plugin.buildStart as () => void)();
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
      emitted: [] as { type: string; fileName: string; source: string }[],
      emitFile(file: { type: string; fileName: string; source: string }) {
        this.emitted.push(file);
        return file.fileName;
      },
    };
    const resolve = (plugin.resolveId as { handler: (this: unknown, id: string) => Promise<{ id: string; external: boolean }> }).handler;
    const msw = await resolve.call(context, 'msw');
    expect(msw).toEqual({ id: expect.stringMatching(/^\.\/msw-[\w-]+\.js$/), external: true });
    expect(await resolve.call(context, 'msw/browser')).toEqual(msw);
    const react = await resolve.call(context, `${HOST_LIBRARY_PREFIX}react`);
    expect(react.id).toMatch(/^\.\/react-[\w-]+\.js$/);

    await (plugin.generateBundle as (this: unknown) => Promise<void>).call(context);
    const names = context.emitted.map((file) => file.fileName);
    expect(names).toContain(`static/${msw.id.slice(2)}`);
    expect(names).toContain(`static/${react.id.slice(2)}`);
    expect(context.emitted.every((file) => file.type === 'asset' && file.fileName.startsWith('static/'))).toBe(true);
    // The React entry is React itself, production build, shared with ReactDOM through a sibling file.
    const reactCode = context.emitted.find((file) => file.fileName === `static/${react.id.slice(2)}`)!.source;
    expect(reactCode).not.toMatch(/process\.env\.NODE_ENV/);
    for (const sibling of reactCode.matchAll(/from\s*"\.\/([^"]+)"/g)) expect(names).toContain(`static/${sibling[1]}`);
  }, 60_000);
});

describe('prebuiltVendorPlugin when the libraries cannot be bundled', () => {
  it('warns once, naming itself and the cause, and leaves the imports to the plain build', async () => {
    // A root with no node_modules: React & co. cannot be resolved from there.
    const empty = mkdtempSync(path.join(tmp, 'no-modules-'));
    const warn = vi.fn();
    const plugin = prebuiltVendorPlugin({ root: empty, cacheFile: path.join(empty, 'vendor.json'), warn });
    (plugin.configResolved as (config: unknown) => void)({
      build: { assetsDir: 'assets', minify: 'oxc', sourcemap: false, target: 'esnext' },
      define: {},
      mode: 'production',
    });
    (plugin.buildStart as () => void)();
    const resolve = (plugin.resolveId as { handler: (this: unknown, id: string) => Promise<unknown> }).handler;
    expect(await resolve.call({}, `${HOST_LIBRARY_PREFIX}react`)).toBeUndefined();
    expect(await resolve.call({}, 'msw/browser')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[workbench\] patch prebuiltVendor: could not bundle .*Could not resolve '[^']+'.*the plain way\.$/s);
  }, 60_000);
});

describe('prebuiltVendorPlugin against the installed Storybook', () => {
  it('finds builder-vite’s real iframe entry importing the preview runtime by the id the patch answers', () => {
    // Read as text: builder-vite writes the iframe's entry from a template inside its bundled code
    // (its code-generator plugin is not exported), and the template's import is the patch's target.
    const require = createRequire(import.meta.url);
    const builder = readFileSync(require.resolve('@storybook/builder-vite'), 'utf8');
    const template = builder.slice(builder.indexOf('function generateModernIframeScriptCodeFromPreviews'));
    expect(template).toMatch(new RegExp(`import \\{ setup \\} from '${STORYBOOK_RUNTIME.replace(/\//g, '\\/')}';`));
    expect(vendorEntryFor(STORYBOOK_RUNTIME)).toBe('storybook-preview-runtime');
    // And the id still names a module of the installed Storybook.
    expect(() => require.resolve(STORYBOOK_RUNTIME)).not.toThrow();
  });

  it('warns once, naming itself, when a build never imports the runtime (the target gone), and still writes the rest', async () => {
    const warn = vi.fn();
    const plugin = prebuiltVendorPlugin({ root, cacheFile: path.join(tmp, 'plugin', 'vendor.json'), warn });
    (plugin.configResolved as (config: unknown) => void)({
      build: { assetsDir: 'static', minify: 'oxc', sourcemap: false, target: 'esnext' },
      define: {},
      mode: 'production',
    });
    (plugin.buildStart as () => void)();
    const resolve = (plugin.resolveId as { handler: (this: unknown, id: string) => Promise<{ id: string } | undefined> }).handler;
    expect((await resolve.call({}, 'msw/browser'))?.id).toMatch(/^\.\//);
    const emitted: string[] = [];
    await (plugin.generateBundle as (this: unknown) => Promise<void>).call({ emitFile: (file: { fileName: string }) => emitted.push(file.fileName) });
    expect(emitted.length).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[workbench\] patch prebuiltVendor: this build never imported storybook\/internal\/preview\/runtime/);
  }, 60_000);
});
