/**
 * (Node) `storybook build` takes the heavy host libraries (React, ReactDOM, Redux Toolkit,
 * react-redux, immer, lodash, jQuery), MSW's browser bundle and Storybook's preview runtime
 * prebuilt, from a bundle kept in the workbench's cache folder (vendorCache.ts), instead of parsing,
 * linking and minifying their ~4.5 MB of source at every build. The imports that name them (`msw`,
 * `msw/browser`, `virtual:amo-workbench/host-library/<name>`, `storybook/internal/preview/runtime`)
 * become imports of the prebuilt files, which are written into the build's assets folder beside the
 * chunks that import them, so the static build still works under any sub-path.
 *
 * The modules are the ones a plain build makes (vendorEntries.ts; the same rolldown, the same
 * minifier, the same NODE_ENV and target), as separate files: a widget that defines React still
 * downloads React and nothing a hello-world page does not need. The first build after an install
 * or an update bundles them, alongside the rest of the build, and takes about as long as a build
 * did before this plugin or a little longer (1.98–2.24 s against ~1.9 s; ~1.55 s with the cache).
 *
 * `storybook dev` is not concerned: its dependency optimizer and hostLibrariesPlugin.ts serve these.
 *
 * What it relies on (prebuiltVendor.test.ts checks it against the installed Storybook): builder-vite's
 * iframe entry imports the runtime by its private id. If a build never asks for that id, or the
 * bundle cannot be made, the patch says so once, naming itself, and the build goes on the plain way.
 */
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { cachedVendorBundle, type VendorBundle, type VendorSettings } from './vendorCache.ts';
import { STORYBOOK_RUNTIME, VENDOR_IMPORTS, vendorEntries, vendorEntryFor } from './vendorEntries.ts';

export const PATCH_WARNING = '[workbench] patch prebuiltVendor:';

export interface PrebuiltVendorOptions {
  root: string;
  cacheFile: string;
  /** Where the patch says that it steps aside (once per build). */
  warn?: (message: string) => void;
}

export function prebuiltVendorPlugin({ root, cacheFile, warn = console.warn }: PrebuiltVendorOptions): Plugin {
  let settings: VendorSettings;
  let assetsDir = 'assets';
  let bundle: Promise<VendorBundle | undefined> | undefined;
  let runtimeAsked = false;
  const vendor = () =>
    (bundle ??= cachedVendorBundle(root, cacheFile, vendorEntries(), settings).catch((error: unknown) => {
      warn(
        `${PATCH_WARNING} could not bundle the host libraries, MSW and Storybook's preview runtime (src/node/patches/prebuiltVendor/): ` +
          `${error instanceof Error ? error.message : String(error)}. This build bundles them the plain way.`,
      );
      return undefined;
    }));
  return {
    name: 'amo-workbench:prebuilt-vendor',
    apply: 'build',
    // Before the host libraries' and MSW's own plugins, which answer the same ids in dev.
    enforce: 'pre',
    configResolved(config) {
      assetsDir = config.build.assetsDir;
      settings = vendorSettings(config);
    },
    buildStart() {
      runtimeAsked = false;
      // Started now, so a bundle built afresh overlaps the rest of the build's work.
      void vendor();
    },
    resolveId: {
      filter: { id: VENDOR_IMPORTS },
      async handler(source) {
        const entry = vendorEntryFor(source);
        if (!entry) return undefined;
        if (source === STORYBOOK_RUNTIME) runtimeAsked = true;
        const files = await vendor();
        const file = files?.entries.get(entry);
        if (!file) return undefined; // the plain way (warned once in vendor())
        // Kept verbatim in the output: every chunk, and these files, are in the same assets folder.
        return { id: `./${file}`, external: true };
      },
    },
    async generateBundle() {
      const built = bundle && (await bundle);
      if (!built) return;
      // Storybook's iframe entry no longer imports the runtime by this id: it is built the plain way.
      if (!runtimeAsked) {
        warn(
          `${PATCH_WARNING} this build never imported ${STORYBOOK_RUNTIME} (Storybook's iframe entry changed), so Storybook's ` +
            `preview runtime was built the plain way. The patch was tested with the Storybook versions in src/node/patches/patches.ts.`,
        );
      }
      for (const [fileName, source] of built.files) {
        this.emitFile({ type: 'asset', fileName: path.posix.join(assetsDir, fileName), source });
      }
    },
  };
}

/** The settings a plain build would have bundled these libraries with. */
export function vendorSettings(config: Pick<ResolvedConfig, 'build' | 'define' | 'mode'>): VendorSettings {
  const defined = config.define?.['process.env.NODE_ENV'];
  const nodeEnv = typeof defined === 'string' ? (JSON.parse(defined) as string) : process.env.NODE_ENV || config.mode;
  const { minify, sourcemap, target } = config.build;
  return {
    nodeEnv,
    minify: minify !== false,
    sourcemap: sourcemap === 'hidden' ? 'hidden' : Boolean(sourcemap),
    ...(typeof target === 'string' || Array.isArray(target) ? { target } : {}),
  };
}
