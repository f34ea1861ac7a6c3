/**
 * `storybook dev` only: the host emulator (src/) reaches the browser as one module instead of ~90.
 * In the dev server every module is a request (six at a time over HTTP/1.1) and a transform, and
 * the preview's import graph is several levels deep; one module saves about 0.2 s of a dev start
 * (npm run bench, warm: 3.66 -> 3.47 s) and of every page load after it. `storybook build` and the
 * unit tests bundle or import src/ as usual: the plugin applies to the dev server only.
 *
 * The entries are the src/ modules that code Vite serves (the preview, stories, mocks/) imports;
 * they are found by reading those files when the server starts (bundleEntries.ts), and an entry
 * first met later rebuilds the bundle and reloads the page. Imports of entries are rewritten to
 * read from the bundle (rewriteHostImports.ts), so the page holds one instance of every module.
 * A change to a bundled file rebuilds the bundle and reloads the page. The bundle is kept on disk
 * between starts (hostBundleCache.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { findHostImports } from './bundleEntries.ts';
import { bundleHost, type HostBundle, resolveRelativeImport } from './bundleHost.ts';
import { hostBundleCache } from './hostBundleCache.ts';
import { rewriteHostImports } from './rewriteHostImports.ts';

export const HOST_BUNDLE_ID = 'virtual:amo-workbench/host';
const RESOLVED_ID = `\0${HOST_BUNDLE_ID}`;
/**
 * The bundle's source map, served apart: handed to Vite, it was merged with Vite's own edits and
 * inlined as base64 into the module (most of its bytes), at every start; the browser fetches it from
 * here only when DevTools opens. Its sources are the files' own URLs.
 */
const MAP_PATH = '@amo-workbench/host-bundle.js.map';

export interface HostBundleOptions {
  root: string;
  /** Folders whose modules go into the bundle: the host emulator and the mocks its loader imports. */
  bundled: string[];
  /** Files and folders of code Vite serves that imports src/ (scanned when the server starts). */
  importers: string[];
  /** Package-like ids of bundled files (e.g. `@amocrm-workbench/mocks`, which widget folders import). */
  aliases: Record<string, string>;
  /** Where the bundle is kept between starts (hostBundleCache.ts); none: built at every start. */
  cacheFile?: string;
}

/**
 * Which files go into the bundle: the .ts modules under the `bundled` folders, except one that uses
 * a Vite-only feature (import.meta.glob), which stays a module Vite serves. What each file says is
 * remembered until `forget()` (a file may have changed).
 */
export function bundledFileRule(root: string, bundled: string[], importers: string[] = []) {
  const dirs = bundled.map((dir) => path.resolve(root, dir) + path.sep);
  // An importer inside a bundled folder (src/preview/preview.ts, which Storybook loads itself) stays a module
  // of its own, whose imports read from the bundle like a story's.
  const entryFiles = new Set(importers.map((p) => path.resolve(root, p)));
  const viteOnly = new Map<string, boolean>();
  return {
    dirs,
    isBundled(file: string): boolean {
      if (entryFiles.has(file)) return false;
      if (!dirs.some((dir) => file.startsWith(dir)) || !file.endsWith('.ts') || file.endsWith('.d.ts')) return false;
      if (!viteOnly.has(file)) viteOnly.set(file, readFileSync(file, 'utf8').includes('import.meta.glob'));
      return !viteOnly.get(file);
    },
    forget: () => viteOnly.clear(),
  };
}

export function hostBundlePlugin({ root, bundled, importers, aliases, cacheFile }: HostBundleOptions): Plugin {
  const { dirs: bundledDirs, isBundled, forget } = bundledFileRule(root, bundled, importers);
  const entries = new Map<string, string>();
  let define: Record<string, string> = {};
  // Where Vite serves from: the repository here, the developer's project when the workbench is installed.
  let viteRoot = root;
  let server: ViteDevServer | undefined;
  let base = '/';
  let bundle: Promise<HostBundle> | undefined;
  // The files of the last bundle built, and whether the latest build failed (then any change to
  // a bundled folder may be the fix).
  let bundledFiles = new Set<string>();
  let failed = false;

  const addEntry = (file: string): string => {
    let name = entries.get(file);
    if (!name) entries.set(file, (name = `m${entries.size}`));
    return name;
  };
  const readOrBuild = async (): Promise<HostBundle> => {
    const cache = cacheFile ? hostBundleCache(cacheFile, { root: viteRoot, define, base, bundled, importers, aliases }) : undefined;
    const cached = cache?.read(entries);
    if (cached) return cached;
    const built = await bundleHost({ root: viteRoot, entries, define, isBundled });
    cache?.write(entries, built);
    return built;
  };
  const currentBundle = () =>
    (bundle ??= readOrBuild().then(
      (built) => {
        bundledFiles = built.files;
        failed = false;
        return built;
      },
      (error: unknown) => {
        bundle = undefined; // the next request builds again
        failed = true;
        throw error;
      },
    ));
  const reload = (reason: string) => {
    bundle = undefined;
    forget();
    if (!server) return;
    const module = server.moduleGraph.getModuleById(RESOLVED_ID);
    if (module) server.moduleGraph.invalidateModule(module);
    server.config.logger.info(`[workbench] host bundle: ${reason}, reloading the page`, { timestamp: true });
    server.ws.send({ type: 'full-reload' });
  };

  return {
    name: 'amo-workbench:host-bundle',
    apply: 'serve',
    // After Vite's TypeScript transform: `import type` is gone by then.
    enforce: 'post',
    configResolved(config) {
      viteRoot = config.root;
      base = config.base;
      define = {
        ...Object.fromEntries(Object.entries(config.define ?? {}).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])),
        // What Vite gives every module it serves (BASE_URL, MODE, DEV, the STORYBOOK_ variables, ...).
        'import.meta.env': JSON.stringify(config.env),
      };
    },
    configureServer(devServer) {
      server = devServer;
      devServer.middlewares.use(`${base}${MAP_PATH}`, (_request, response, next) => {
        currentBundle().then(({ map }) => {
          if (!map) return next();
          response.setHeader('Content-Type', 'application/json');
          response.setHeader('Cache-Control', 'no-cache');
          response.end(map);
        }, next);
      });
      for (const file of Object.values(aliases)) addEntry(path.resolve(root, file));
      for (const file of findHostImports(
        importers.map((p) => path.resolve(root, p)),
        isBundled,
      ))
        addEntry(file);
      devServer.watcher.on('all', (event, changed) => {
        if (event !== 'change' && event !== 'unlink') return;
        const file = path.resolve(changed);
        if (bundledFiles.has(file) || (failed && bundledDirs.some((dir) => file.startsWith(dir)))) reload(`${path.relative(root, file)} changed`);
      });
    },
    resolveId(source, importer, options) {
      if (source === HOST_BUNDLE_ID) return RESOLVED_ID;
      // Vite's dependency scan (a cold start) follows imports from the stories and the preview; it
      // has no need to crawl the ~100 bundled files: the packages they import are pre-bundled by
      // name (src/node/vite/prebundledPackages.ts; hostBundle.test.ts checks the list is complete). An id
      // with \0 is one the scan leaves out. ~0.35 s of a cold start's scan.
      if ((options as { scan?: boolean } | undefined)?.scan && importer && /^\.{1,2}\//.test(source)) {
        const { file, query } = resolveRelativeImport(source, importer);
        if (!query && isBundled(file)) return `\0amo-workbench/bundled:${file}`;
      }
      return undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { code } = await currentBundle();
      // Vite's later edits (import URLs) stay on their lines: the map's lines still hold.
      return { code: `${code.endsWith('\n') ? code : `${code}\n`}//# sourceMappingURL=${base}${MAP_PATH}\n`, map: null };
    },
    async transform(code, id) {
      if (id.startsWith('\0')) return undefined;
      // Vite's ids use forward slashes on every system; the bundle's bookkeeping uses the system's paths.
      const file = path.resolve(id.split('?')[0]!);
      // Packages are left alone, except the workbench itself when it is installed as one.
      if (id.includes('/node_modules/') && (!file.startsWith(root + path.sep) || path.relative(root, file).split(path.sep).includes('node_modules')))
        return undefined;
      if (!/\.[cm]?[jt]sx?$/.test(file) || isBundled(file)) return undefined;
      let late: string | undefined;
      const rewritten = await rewriteHostImports(code, file, HOST_BUNDLE_ID, async (source) => {
        if (source in aliases) return addEntry(path.resolve(root, aliases[source]!));
        // Packages are never part of the host bundle: only paths are resolved.
        if (!/^[./]/.test(source)) return undefined;
        const resolved = await this.resolve(source, file);
        const target = resolved && !resolved.external && !resolved.id.startsWith('\0') ? path.resolve(resolved.id.split('?')[0]!) : undefined;
        if (!target || !isBundled(target)) return undefined;
        if (!entries.has(target)) late = target;
        return addEntry(target);
      });
      if (late) reload(`${path.relative(root, late)} is imported by ${path.relative(root, file)} and was not in it`);
      // Statements are replaced line for line, so the existing source map still holds.
      return rewritten === undefined ? undefined : { code: rewritten, map: null };
    },
  };
}
