import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResolvedConfig } from 'vite';
import { bundleLazyLibraries, HOST_LIBRARY_PACKAGES, HOST_LIBRARY_PREFIX, hostLibrariesPlugin, LAZY_HOST_LIBRARIES } from './hostLibrariesPlugin';
import { prebundledPackages } from './prebundledPackages';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Hook = ((this: unknown, ...args: unknown[]) => unknown) | { filter?: { id?: RegExp }; handler: (this: unknown, ...args: unknown[]) => unknown };

/** Runs the plugins' hooks as Vite does: plugins that apply to the command, in order, each hook behind its id filter. */
function pluginFor(command: 'serve' | 'build') {
  const plugins = hostLibrariesPlugin({ root }).filter((plugin) => !plugin.apply || plugin.apply === command);
  for (const plugin of plugins)
    (plugin.configResolved as ((config: Partial<ResolvedConfig>) => void) | undefined)?.({ command, mode: command === 'serve' ? 'development' : 'production' });
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
  };
  const call = async (name: 'resolveId' | 'load', id: string, ...rest: unknown[]) => {
    for (const plugin of plugins) {
      const hook = plugin[name] as Hook | undefined;
      if (!hook) continue;
      const [filter, handler] = typeof hook === 'function' ? [undefined, hook] : [hook.filter?.id, hook.handler];
      if (filter && !filter.test(id)) continue;
      const result = await handler.call(context, id, ...rest);
      if (result != null) return result;
    }
    return undefined;
  };
  return {
    resolve: (id: string, importer?: string) => call('resolveId', id, importer) as Promise<string | undefined>,
    load: (id: string) => call('load', id) as Promise<{ code: string } | string | undefined>,
  };
}

describe('host libraries in storybook dev', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'host-libraries-'));
  let files: Awaited<ReturnType<typeof bundleLazyLibraries>>;
  beforeAll(async () => {
    files = await bundleLazyLibraries(root, 'development');
    for (const [name, file] of files) writeFileSync(path.join(tmp, name), file.code);
  }, 60_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('leaves React & co. out of Vite’s optimizer, and keeps the light libraries in it', () => {
    for (const name of LAZY_HOST_LIBRARIES) expect(prebundledPackages).not.toContain(HOST_LIBRARY_PACKAGES[name]);
    for (const [name, pkg] of Object.entries(HOST_LIBRARY_PACKAGES)) {
      if (!LAZY_HOST_LIBRARIES.includes(name as keyof typeof HOST_LIBRARY_PACKAGES)) expect(prebundledPackages).toContain(pkg);
    }
  });

  it('serves the heavy libraries from one bundle built on first use, and the light ones as facades over the optimizer', async () => {
    const { resolve, load } = pluginFor('serve');
    const react = (await resolve(`${HOST_LIBRARY_PREFIX}react`))!;
    const jquery = (await resolve(`${HOST_LIBRARY_PREFIX}jquery`))!;
    expect(react).toMatch(/bundled\/react\.js$/);
    expect(jquery).not.toMatch(/bundled/);
    expect(await load(jquery)).toBe(`import * as namespace from "jquery";\nexport default namespace;\n`);
    const entry = (await load(react)) as { code: string };
    const chunk = /from "(\.\/chunk-[^"]+)"/.exec(entry.code)?.[1];
    expect(chunk).toBeDefined();
    // A shared chunk, imported by its sibling name, resolves into the same bundle and loads from it.
    const chunkId = (await resolve(chunk!, react))!;
    // The same relative id from any other module is not the plugin's business.
    expect(await resolve(chunk!, path.join(root, 'node_modules/react/index.js'))).toBeUndefined();
    expect(chunkId).toBe(react.replace('react.js', chunk!.slice(2)));
    expect(((await load(chunkId)) as { code: string }).code.length).toBeGreaterThan(0);
    await expect(resolve(`${HOST_LIBRARY_PREFIX}vue`)).rejects.toThrow(/Unknown host library "vue"/);
  });

  it('gives each library its namespace, with one immer shared by Redux Toolkit and the immer modules', async () => {
    const load = async (name: string) => ((await import(pathToFileURL(path.join(tmp, `${name}.js`)).href)) as { default: Record<string, unknown> }).default;
    // require.js's global `define`, as on the page: lodash's UMD file must not see it.
    const define = Object.assign(vi.fn(), { amd: { jQuery: true } });
    vi.stubGlobal('define', define);
    try {
      const [react, toolkit, immer, lodash] = await Promise.all([load('react'), load('redux-toolkit'), load('immer'), load('lodash')]);
      expect(typeof react.createElement).toBe('function');
      expect(react.default).toBeDefined();
      expect(toolkit.createNextState).toBe(immer.produce);
      expect(toolkit.current).toBe(immer.current);
      // lodash took its CommonJS branch: `_` with every method, no anonymous define, nothing on the global.
      expect(typeof (lodash.default as { chunk?: unknown }).chunk).toBe('function');
      expect(define).not.toHaveBeenCalled();
      expect('_' in globalThis).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('host libraries in storybook build', () => {
  it('are plain imports of the package, bundled by the build and named after the library', async () => {
    const { resolve, load } = pluginFor('build');
    const id = (await resolve(`${HOST_LIBRARY_PREFIX}redux-toolkit`))!;
    // No sibling resolution in a build: the packages' own `./` imports never reach a JS hook.
    expect(await resolve('./chunk-abc.js', `\0amo-workbench/host-library/bundled/react.js`)).toBeUndefined();
    expect(id.split('/').at(-1)).toBe('redux-toolkit');
    expect(await load(id)).toBe(`import * as namespace from "@reduxjs/toolkit";\nexport default namespace;\n`);
  });
});
