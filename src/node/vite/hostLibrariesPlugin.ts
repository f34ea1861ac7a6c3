/**
 * (Node) Provides `virtual:amo-workbench/host-library/<name>`: the namespace of one shared library
 * behind the host modules (hostLibraries.ts), as the module's default export.
 *
 * Why a module of our own: in `storybook dev`, React, ReactDOM, Redux Toolkit, react-redux, immer
 * and lodash were the bulk of what Vite's dependency optimizer bundles before the first story of a
 * cold start can load, though only widgets that `define` them use them (hello-world does not). Here
 * they are bundled with rolldown the first time a page asks for one of them, all together so they
 * share one React and one immer, and kept in memory for the server's life. From a cleared Vite
 * cache, hello-world is ready ~0.35 s sooner (3 interleaved cold starts: 4046 → 3691 ms); the first
 * story that uses React waits once for that bundle (~0.3 s). The light libraries (jQuery,
 * dateformat, classnames, nanoid) stay with Vite's optimizer (prebundledPackages.ts).
 * `storybook build` takes React & co. and jQuery prebuilt (src/node/patches/prebuiltVendor/), and
 * dateformat, classnames and nanoid as any import.
 *
 * In both modes the module is `import * as namespace from '<package>'; export default namespace`,
 * so a library has the same shape in dev and in a static build.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { bundleModules, type BundledFile } from '../build/bundleModules.ts';
import { umdAsCommonJsPlugin } from './umdAsCommonJsPlugin.ts';

export const HOST_LIBRARY_PREFIX = 'virtual:amo-workbench/host-library/';

/** The module name (also the chunk name in a build) -> the package it exposes. */
export const HOST_LIBRARY_PACKAGES = {
  jquery: 'jquery',
  react: 'react',
  'react-dom': 'react-dom',
  'react-dom-client': 'react-dom/client',
  'redux-toolkit': '@reduxjs/toolkit',
  'react-redux': 'react-redux',
  immer: 'immer',
  nanoid: 'nanoid/non-secure',
  classnames: 'classnames',
  dateformat: 'dateformat',
  lodash: 'lodash',
} as const;

export type HostLibraryName = keyof typeof HOST_LIBRARY_PACKAGES;

/** Bundled on first use in `storybook dev`, not by Vite's optimizer at start. */
export const LAZY_HOST_LIBRARIES: readonly HostLibraryName[] = ['react', 'react-dom', 'react-dom-client', 'redux-toolkit', 'react-redux', 'immer', 'lodash'];

// The id Vite sees. Its last segment is the library's name, so a build names the chunk after it.
const RESOLVED = '\0amo-workbench/host-library/';
// The files of the dev-time bundle (entries and shared chunks) live under this folder of ids.
const BUNDLED = `${RESOLVED}bundled/`;

export function facadeModule(name: HostLibraryName): string {
  return `import * as namespace from ${JSON.stringify(HOST_LIBRARY_PACKAGES[name])};\nexport default namespace;\n`;
}

/** rolldown's build of the lazy libraries: file name (`react.js`, `chunk-*.js`) -> file. */
export async function bundleLazyLibraries(root: string, nodeEnv: string): Promise<Map<string, BundledFile>> {
  const entries = Object.fromEntries(LAZY_HOST_LIBRARIES.map((name) => [name, facadeModule(name)]));
  // 'hidden': the map is handed to Vite with the code; a comment would point at a file that is not served.
  const bundle = await bundleModules(root, entries, {
    nodeEnv,
    minify: false,
    sourcemap: 'hidden',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunk-[hash].js',
  });
  return bundle.files;
}

export function hostLibrariesPlugin({ root }: { root: string }): Plugin[] {
  let serving = false;
  let nodeEnv = 'development';
  let bundle: Promise<Map<string, BundledFile>> | undefined;
  // Filters keep every other import of a build out of these JS hooks (rolldown calls a hook without
  // one for each of its modules).
  const libraries: Plugin = {
    name: 'amo-workbench:host-libraries',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
      nodeEnv = config.mode === 'production' ? 'production' : 'development';
    },
    resolveId: {
      filter: { id: new RegExp(`^${HOST_LIBRARY_PREFIX}`) },
      handler(source) {
        const name = source.slice(HOST_LIBRARY_PREFIX.length);
        if (!(name in HOST_LIBRARY_PACKAGES)) {
          this.error(`Unknown host library "${name}": one of ${Object.keys(HOST_LIBRARY_PACKAGES).join(', ')} (src/node/vite/hostLibrariesPlugin.ts)`);
        }
        return serving && LAZY_HOST_LIBRARIES.includes(name as HostLibraryName) ? `${BUNDLED}${name}.js` : `${RESOLVED}${name}`;
      },
    },
    load: {
      filter: { id: new RegExp(`^${RESOLVED}`) },
      async handler(id) {
        if (!id.startsWith(BUNDLED)) return facadeModule(id.slice(RESOLVED.length) as HostLibraryName);
        // A failed build (a broken install) is reported to the page that asked, and tried again by the next.
        bundle ??= bundleLazyLibraries(root, nodeEnv).catch((error: unknown) => {
          bundle = undefined;
          throw error;
        });
        const file = (await bundle).get(id.slice(BUNDLED.length));
        if (!file) this.error(`The host libraries' bundle has no file ${id.slice(BUNDLED.length)}`);
        return file;
      },
    },
  };
  // The bundle's files import each other as siblings (`./chunk-*.js`); only the dev server has it.
  const siblings: Plugin = {
    name: 'amo-workbench:host-libraries-siblings',
    apply: 'serve',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^\.\// },
      handler: (source, importer) => (importer?.startsWith(BUNDLED) ? `${BUNDLED}${path.posix.normalize(source)}` : undefined),
    },
  };
  return [libraries, siblings, umdAsCommonJsPlugin()];
}
