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
 */
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { cachedVendorBundle, type VendorBundle, type VendorSettings } from './vendorCache.ts';
import { VENDOR_IMPORTS, vendorEntries, vendorEntryFor } from './vendorEntries.ts';

export function prebuiltVendorPlugin({ root, cacheFile }: { root: string; cacheFile: string }): Plugin {
  let settings: VendorSettings;
  let assetsDir = 'assets';
  let bundle: Promise<VendorBundle> | undefined;
  const vendor = () => (bundle ??= cachedVendorBundle(root, cacheFile, vendorEntries(), settings));
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
      // Started now, so a bundle built afresh overlaps the rest of the build's work.
      vendor().catch(() => undefined);
    },
    resolveId: {
      filter: { id: VENDOR_IMPORTS },
      async handler(source) {
        const entry = vendorEntryFor(source);
        if (!entry) return undefined;
        let files: VendorBundle;
        try {
          files = await vendor();
        } catch (error) {
          this.error(
            `Could not bundle the host libraries, MSW and Storybook's preview runtime for the build (src/node/patches/prebuiltVendor/): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        const file = files.entries.get(entry);
        if (!file) this.error(`The prebuilt vendor bundle has no entry "${entry}" (src/node/patches/prebuiltVendor/vendorEntries.ts)`);
        // Kept verbatim in the output: every chunk, and these files, are in the same assets folder.
        return { id: `./${file}`, external: true };
      },
    },
    async generateBundle() {
      if (!bundle) return;
      for (const [fileName, source] of (await bundle).files) {
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
