/**
 * (Node) Bundles a few generated entry modules (`entries`: name -> code) and everything they import
 * from node_modules with rolldown, as ES modules for the browser, all in one build so the entries
 * share their common dependencies (one React, one immer).
 *
 * Used for third-party code the workbench hands to the browser ready-made: the heavy host
 * libraries the dev server bundles on first use (src/node/vite/hostLibrariesPlugin.ts), and the libraries
 * `storybook build` takes prebuilt from its cache (src/node/patches/prebuiltVendor/).
 */
import path from 'node:path';
import { umdAsCommonJsPlugin } from '../vite/umdAsCommonJsPlugin.ts';

export interface BundledFile {
  code: string;
  map: string | null;
}

export interface BundleOptions {
  /** Replaces `process.env.NODE_ENV` in the libraries ('development' keeps React's warnings). */
  nodeEnv: string;
  minify: boolean;
  /** 'hidden': maps are returned without a comment pointing at them; true: with the comment. */
  sourcemap: boolean | 'hidden';
  entryFileNames: string;
  chunkFileNames: string;
  /** Syntax target, as rolldown's `transform.target` takes it; the libraries' own when absent. */
  target?: string | string[];
}

export interface BundledModules {
  /** File name (entries and shared chunks) -> file. */
  files: Map<string, BundledFile>;
  /** Entry name -> its file name. */
  entries: Map<string, string>;
  /** The files on disk the bundle was made of. */
  inputs: string[];
}

export async function bundleModules(root: string, entries: Record<string, string>, options: BundleOptions): Promise<BundledModules> {
  // Loaded here, not with the config: most starts never bundle anything.
  const { rolldown } = await import('rolldown');
  // Each entry is given a path in `root` (no such file exists), so the packages it imports resolve
  // from the root's node_modules, as an import in a file of the project would.
  const entryIds = new Map(Object.keys(entries).map((name) => [path.join(root, `.amo-workbench-entry-${name}.js`), name]));
  const isEntry = /[\\/]\.amo-workbench-entry-[^\\/]+\.js$/;
  const build = await rolldown({
    cwd: root,
    input: Object.fromEntries([...entryIds].map(([id, name]) => [name, id])),
    platform: 'browser',
    // A package that does not resolve (a broken install) fails the bundle: rolldown would keep it
    // as a bare import the browser cannot load. Its other warnings are the libraries' business.
    logLevel: 'warn',
    onLog(_level, log, handler) {
      if (log.code === 'UNRESOLVED_IMPORT') handler('error', log);
    },
    transform: { define: { 'process.env.NODE_ENV': JSON.stringify(options.nodeEnv) }, ...(options.target ? { target: options.target } : {}) },
    plugins: [
      {
        name: 'amo-workbench:bundle-entries',
        // Filtered, so the libraries' own ~1,000 modules resolve and load without a call into JS.
        resolveId: { filter: { id: isEntry }, handler: (source) => (entryIds.has(source) ? source : null) },
        load: {
          filter: { id: isEntry },
          handler: (id) => {
            const name = entryIds.get(id);
            return name === undefined ? null : entries[name];
          },
        },
      },
      umdAsCommonJsPlugin(),
    ],
  });
  try {
    const { output } = await build.generate({
      format: 'es',
      minify: options.minify,
      sourcemap: options.sourcemap,
      entryFileNames: options.entryFileNames,
      chunkFileNames: options.chunkFileNames,
    });
    const files = new Map<string, BundledFile>();
    const names = new Map<string, string>();
    const inputs = new Set<string>();
    // Files on disk: not the virtual helpers (`\0...`), not the entries, which are code in `entries`.
    const isInput = (id: string) => !id.startsWith('\0') && !entryIds.has(id);
    for (const item of output) {
      if (item.type !== 'chunk') continue;
      files.set(item.fileName, { code: item.code, map: item.map?.toString() ?? null });
      if (item.isEntry) names.set(item.name, item.fileName);
      for (const id of item.moduleIds) if (isInput(id)) inputs.add(id);
    }
    // Files read but shaken out of every chunk still decide what the bundle is.
    for (const id of await build.watchFiles) if (isInput(id)) inputs.add(id);
    return { files, entries: names, inputs: [...inputs].sort() };
  } finally {
    await build.close();
  }
}
