// Wiring only: widget discovery, serving and story generation live in src/widgets/, the MSW worker
// and the client secret in src/backend/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/html-vite';
import { loadPreviewOrConfigFile, resolvePathInStorybookCache, versions } from 'storybook/internal/common';
import { mergeConfig } from 'vite';
import { hostLibrariesPlugin } from '../src/amd/hostLibrariesPlugin.ts';
import { prebundledPackages, servedAsPublished } from '../src/amd/prebundledPackages.ts';
import { clientSecretDefine } from '../src/backend/clientSecret.ts';
import { mswBrowserBundlePlugin } from '../src/backend/mswBrowserBundlePlugin.ts';
import { mswWorkerPlugin } from '../src/backend/mswWorkerPlugin.ts';
import { depMapsByUrlPlugin } from '../src/build/depMapsByUrl.ts';
import { filterStorybookHooks } from '../src/build/filterStorybookHooks.ts';
import { openHostWarning } from '../src/build/hostWarning.ts';
import { loopbackWithoutGzipPlugin } from '../src/build/loopbackWithoutGzip.ts';
import { prebuiltVendorPlugin } from '../src/build/prebuiltVendor/prebuiltVendorPlugin.ts';
import { vendorCacheFile } from '../src/build/prebuiltVendor/vendorCache.ts';
import { skipUnusedMocking } from '../src/build/skipUnusedMocking.ts';
import { cachedIndexers } from '../src/storyIndex/cachedIndexers.ts';
import { hostBundlePlugin } from '../src/devBundle/hostBundlePlugin.ts';
import { VISUAL_TESTS_ADDON, visualTestsAddon } from '../src/visual/visualTestsAddon.ts';
import { cachedCheckManifest } from '../src/widgets/manifestCheckCache.ts';
import { MOCKS_ENTRY, MOCKS_IMPORT_ID } from '../src/widgets/widgetImportsPlugin.ts';
import { prepareWorkbenchStories } from '../src/widgets/workbenchStories.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hostWarning = openHostWarning();
if (hostWarning) console.warn(hostWarning);
// Manifest checks are remembered across starts, so an unchanged folder costs no zod (src/widgets/manifestCheckCache.ts).
const workbench = prepareWorkbenchStories(root, process.env, cachedCheckManifest(resolvePathInStorybookCache('amo-workbench-manifest-checks.json')));
// Storybook's change detection runs git and walks Vite's module graph at every start (~0.3 s of
// CPU while the first story loads, npm run bench), yet cannot see widget files: requirejs loads
// them at run time, outside that graph. Opt in with WORKBENCH_CHANGE_DETECTION=1.
const changeDetection = process.env.WORKBENCH_CHANGE_DETECTION === '1';

const config: StorybookConfig = {
  // Hand-written stories, and the CSF written for each widget folder (src/widgets/widgetStoryFiles.ts).
  stories: ['../stories/*.stories.ts', path.join(workbench.generatedDir, '*.stories.ts')],
  framework: { name: '@storybook/html-vite', options: {} },
  // Chromatic's Visual tests panel only for a project linked to Chromatic (src/visual/visualTestsAddon.ts).
  addons: ['@storybook/addon-vitest', 'msw-storybook-addon', ...(visualTestsAddon(root, process.env).load ? [VISUAL_TESTS_ADDON] : [])],
  // Without change detection, a builder that does not start Storybook's module-graph engine either
  // (src/build/viteBuilder/); the framework's own builder-vite otherwise.
  core: { disableTelemetry: true, ...(changeDetection ? {} : { builder: path.join(root, 'src/build/viteBuilder/index.ts') }) },
  // Story files are parsed once, not at every start (src/storyIndex/cachedIndexers.ts).
  experimental_indexers: (indexers) => cachedIndexers(indexers, resolvePathInStorybookCache('amo-workbench-index'), versions.storybook ?? ''),
  features: { changeDetection },
  viteFinal: (viteConfig, { configType, configDir }) => {
    // A build runs Storybook's unfiltered plugin hooks for each of its modules (src/build/).
    if (configType === 'PRODUCTION') filterStorybookHooks(viteConfig.plugins ?? []);
    // No sb.mock scan or mocker runtime while the preview mocks nothing (src/build/skipUnusedMocking.ts).
    skipUnusedMocking(viteConfig.plugins ?? [], loadPreviewOrConfigFile({ configDir }));
    return mergeConfig(viteConfig, {
      plugins: [
        ...workbench.plugins,
        // Responses to this machine are not gzipped: nothing to save over loopback (src/build/loopbackWithoutGzip.ts).
        loopbackWithoutGzipPlugin(),
        // Pre-bundled dependencies name their source maps by URL instead of inlining them (src/build/depMapsByUrl.ts).
        depMapsByUrlPlugin(),
        // A build takes React & co., MSW and Storybook's preview runtime prebuilt from the workbench's cache (src/build/prebuiltVendor/).
        prebuiltVendorPlugin({ root, cacheFile: vendorCacheFile(root) }),
        // The libraries behind the host modules; React & co. bundled on first use in dev (src/amd/hostLibrariesPlugin.ts).
        hostLibrariesPlugin({ root }),
        mswWorkerPlugin(),
        // msw and msw/browser come from MSW's own browser bundle (src/backend/mswBrowserBundlePlugin.ts).
        mswBrowserBundlePlugin(),
        // The dev server serves the host emulator as one module (src/devBundle/hostBundlePlugin.ts).
        hostBundlePlugin({
          root,
          bundled: ['src', 'mocks'],
          importers: ['.storybook/preview.ts', 'stories', workbench.generatedDir],
          aliases: { [MOCKS_IMPORT_ID]: MOCKS_ENTRY },
        }),
      ],
      define: { ...clientSecretDefine(process.env, configType === 'PRODUCTION'), __VISUAL_MODES__: JSON.stringify(process.env.VISUAL_MODES ?? 'default') },
      // The addon is served as it is published, so its `msw/browser` import reaches the plugin above
      // rather than a second copy of MSW inside Vite's pre-bundle.
      optimizeDeps: { include: prebundledPackages, exclude: servedAsPublished },
      // The size report gzips every chunk of the build again, only to print it (~0.15 s).
      build: { reportCompressedSize: false },
      // A build lists each of its ~300 files (chunks, fonts, widget folders' files) with its size, and
      // Storybook's logger wraps every line of that list: ~0.18 s of a 2.5 s build (6 interleaved builds).
      // Warnings and errors still print; the dev server keeps its info messages (HMR, host bundle).
      ...(configType === 'PRODUCTION' ? { logLevel: 'warn' as const } : {}),
      server: {
        fs: { allow: [root, ...workbench.discovery.roots] },
        // Transform the host emulator while the browser is still loading Storybook, rather than
        // module by module down the import graph of the first story (npm run bench: dev ready).
        // Vite follows the static imports of these two, i.e. browser code only: warming Node-only
        // files (src/widgets/) would make the dep optimizer bundle zod & co. and run a second time.
        warmup: { clientFiles: ['.storybook/preview.ts', 'src/story/widgetFolderStory.ts'] },
      },
    });
  },
};
export default config;
