/**
 * Serves `msw` and `msw/browser` from the browser bundle MSW itself publishes (`lib/iife`), as one
 * module, instead of letting Vite's dependency optimizer bundle MSW's ESM build with graphql,
 * tough-cookie and the rest (~200 files) on every cold dev start.
 *
 * Measured (the bench's page watcher, interleaved cold starts): dev ready from a cleared Vite cache
 * 3978 → 3702 and 3835 → 3647 ms. The built page transfers ~36 KB more (the bundle cannot be
 * tree-shaken: it brings MSW's GraphQL, WebSocket and SSE code). It is the same library at the
 * same version: the file is built by MSW from the same sources, and both ids resolve to it, so the
 * addon's worker and the handlers of the host and of widget folders share one `msw` instance. Node
 * code (`msw/node` in unit tests) is not touched.
 *
 * Its source map (2.2 MB) is not handed to Vite in dev: Vite would inline it as base64 into the
 * module, making a 4.2 MB response that the server encodes, measures and gzips, and the page
 * downloads, at every start. The module points at MSW's own map file instead (served by Vite's
 * `/@fs/`), which the browser fetches only when DevTools opens. A build passes the map on only
 * when it writes source maps. (The workbench's own `storybook build` takes this module prebuilt,
 * src/node/patches/prebuiltVendor/, which answers `msw` before this plugin does.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const BUNDLE_ID = '\0amo-workbench:msw-browser-bundle';

/** `lib/iife/index.js` is `var MockServiceWorker = (() => { ... __export(index_exports, { a: () => a, ... }) ... })();` */
export function mswBrowserModule(iife: string, version: string, mapUrl?: string): string {
  const names = exportedNamesOf(iife, version);
  // MSW's own comment names the map relative to the file, which means nothing next to a virtual
  // module: it is replaced by `mapUrl`, or dropped. The export line goes after the last line of the
  // bundle, so the map stays valid.
  const code = iife.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  return `${code}export const { ${names.join(', ')} } = MockServiceWorker;\n${mapUrl ? `//# sourceMappingURL=${mapUrl}\n` : ''}`;
}

/** The names in the bundle's `__export(index_exports, { name: () => name, ... })` list; a bundle of another shape throws. */
function exportedNamesOf(iife: string, version: string): string[] {
  const exportsBlock = /__export\(index_exports, \{([^}]*)\}\);/.exec(iife)?.[1];
  const names = exportsBlock ? [...exportsBlock.matchAll(/(\w+): \(\) =>/g)].map((match) => match[1]!) : [];
  if (!/^var MockServiceWorker = /m.test(iife) || !names.includes('setupWorker') || !names.includes('http')) {
    throw new Error(
      `msw ${version}: lib/iife/index.js no longer has the shape the workbench reads (a global MockServiceWorker with an __export list). ` +
        'Update src/node/vite/mswBrowserBundlePlugin.ts for this msw version, or pin msw to the version in package.json.',
    );
  }
  return names;
}

let exportNames: string[] | undefined;

/** What `msw` and `msw/browser` export here (the names of MSW's browser bundle). */
export function mswExportNames(): string[] {
  exportNames ??= exportedNamesOf(...readMswBrowserFile());
  return exportNames;
}

/** MSW's browser bundle as one ES module. */
export function loadMswBrowserModule(mapUrl?: string): string {
  return mswBrowserModule(...readMswBrowserFile(), mapUrl);
}

/** The bundle's text and MSW's version. */
function readMswBrowserFile(): [iife: string, version: string] {
  const { packageDir, file } = mswBrowserFile();
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return [readFileSync(file, 'utf8'), version];
}

function mswBrowserFile(): { packageDir: string; file: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('msw/package.json'));
  return { packageDir, file: path.join(packageDir, 'lib/iife/index.js') };
}

/** Exactly `msw` and `msw/browser`: the ids this module answers. */
export const MSW_IMPORT = /^msw(\/browser)?$/;

export function mswBrowserBundlePlugin(): Plugin {
  const { file } = mswBrowserFile();
  let mapUrl: string | undefined;
  let buildMaps = false;
  return {
    name: 'amo-workbench:msw-browser-bundle',
    enforce: 'pre',
    configResolved(config) {
      mapUrl = config.command === 'serve' ? `${config.base}@fs/${file.split(path.sep).join('/').replace(/^\//, '')}.map` : undefined;
      buildMaps = config.command === 'build' && Boolean(config.build.sourcemap);
    },
    // Filters keep every other import of a build out of these JS hooks (rolldown calls a hook
    // without one for each of its ~1,000 modules).
    resolveId: {
      // The filter is the whole test.
      filter: { id: MSW_IMPORT },
      handler: () => BUNDLE_ID,
    },
    load: {
      filter: { id: new RegExp(`^${BUNDLE_ID}$`) },
      handler() {
        const code = loadMswBrowserModule(mapUrl);
        return buildMaps ? { code, map: readFileSync(`${file}.map`, 'utf8') } : { code, map: null };
      },
    },
  };
}
