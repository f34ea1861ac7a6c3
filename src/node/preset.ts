/**
 * (Node) The workbench as a Storybook preset: `addons: [{ name: '<package>/preset', options }]`.
 * Everything the workbench adds to Storybook comes from here: the stories of the
 * widget folders, the preview (the cabinet render, loaders, checks) and the manager (the Widget doctor
 * panel and sidebar status), the Vite plugins that serve widget folders and the host emulator, and
 * the speed patches. This repository's .storybook/main.ts and the `amo-workbench` command's config
 * use it alike, so the workbench's own stories and a user's run one code path.
 *
 * Options (all optional): `projectRoot` (default: the current folder), `widgets` (folders, absolute
 * or relative to the project; default: WIDGETS_DIR), `projectWidgets` (also the project's
 * `widgets/` folder) and `fixtures` (this repository's fixture widgets).
 */
import path from 'node:path';
import { loadPreviewOrConfigFile, resolvePathInStorybookCache, versions } from 'storybook/internal/common';
import type { CoreConfig, Indexer } from 'storybook/internal/types';
import { mergeConfig, type InlineConfig, type Plugin } from 'vite';
import { hostLibrariesPlugin } from './vite/hostLibrariesPlugin.ts';
import { fakeTimersUtilPlugin } from './vite/fakeTimersUtilPlugin.ts';
import { withoutProjectViteConfig } from './vite/projectViteConfig.ts';
import { prebundledPackages, servedAsPublished } from './vite/prebundledPackages.ts';
import { clientSecretDefine } from './clientSecret.ts';
import { mswBrowserBundlePlugin } from './vite/mswBrowserBundlePlugin.ts';
import { mswWorkerPlugin } from './vite/mswWorkerPlugin.ts';
import { openHostWarning } from './hostWarning.ts';
import { chooseBuilder } from './patches/viteBuilder/chooseBuilder.ts';
import { loopbackWithoutGzipPlugin } from './patches/loopbackWithoutGzip.ts';
import { skipUnusedMocking } from './patches/skipUnusedMocking.ts';
import { patchOn, patchesState } from './patches/patches.ts';
import { prebuiltVendorPlugin } from './patches/prebuiltVendor/prebuiltVendorPlugin.ts';
import { vendorCacheFile } from './patches/prebuiltVendor/vendorCache.ts';
import { hostBundlePlugin } from './devBundle/hostBundlePlugin.ts';
import { VISUAL_TESTS_ADDON, visualTestsAddon } from './visual/visualTestsAddon.ts';
import { cachedIndexers } from './patches/cachedIndexers.ts';
import { cachedCheckManifest } from './widgets/manifestCheckCache.ts';
import { cachedCheckStates } from './widgets/statesCheckCache.ts';
import { MOCKS_ENTRY, MOCKS_IMPORT_ID, PACKAGE_MOCKS_ID, STORY_API_FILES } from './widgets/widgetImportsPlugin.ts';
import { prepareWorkbenchStories, type WorkbenchStories } from './widgets/workbenchStories.ts';

import { PACKAGE_ROOT } from './packageRoot.ts';
import { packageDependenciesPlugin } from './vite/packageDependenciesPlugin.ts';
import { isLinkedLayout } from './projectLayout.ts';

/** The installed workbench (src/node/packageRoot.ts). */
export { PACKAGE_ROOT };

export interface WorkbenchPresetOptions {
  projectRoot?: string;
  widgets?: string[];
  projectWidgets?: boolean;
  fixtures?: boolean;
  /**
   * Whether Storybook's Vite builder merges the project's `vite.config.*` into the preview's (its
   * default). The `amo-workbench` command's configuration says false: there that file builds the
   * widget (src/node/vite/workbenchViteConfig.ts).
   */
  projectViteConfig?: boolean;
}

type PresetContext = WorkbenchPresetOptions & { configDir: string; configType?: 'DEVELOPMENT' | 'PRODUCTION' };

const setups = new Map<string, WorkbenchStories>();

/** The widget folders of this configuration, read once per process and kept current in dev. */
function workbenchFor(options: PresetContext): WorkbenchStories {
  const projectRoot = path.resolve(options.projectRoot ?? process.cwd());
  const widgetsDir = options.widgets ? options.widgets.map((w) => path.resolve(projectRoot, w)).join(path.delimiter) : process.env.WIDGETS_DIR;
  const key = JSON.stringify([projectRoot, widgetsDir, options.projectWidgets, options.fixtures]);
  let setup = setups.get(key);
  if (!setup) {
    const warning = openHostWarning();
    if (warning) console.warn(warning);
    setup = prepareWorkbenchStories({
      packageRoot: PACKAGE_ROOT,
      projectRoot,
      widgetsDir,
      projectWidgets: options.projectWidgets,
      fixtures: options.fixtures,
      // Checks are remembered across starts, so an unchanged folder costs no zod (checkResultCache.ts).
      checks: {
        manifest: cachedCheckManifest(resolvePathInStorybookCache('amo-workbench-manifest-checks.json')),
        states: cachedCheckStates(resolvePathInStorybookCache('amo-workbench-states-checks.json')),
      },
    });
    setups.set(key, setup);
  }
  return setup;
}

/**
 * Storybook's change detection runs git and walks Vite's module graph at every start, yet cannot see
 * widget files: requirejs loads them at run time, outside that graph. Opt in with WORKBENCH_CHANGE_DETECTION=1.
 */
const changeDetection = process.env.WORKBENCH_CHANGE_DETECTION === '1';

/** The speed patches (src/node/patches/patches.ts): on, or off with one line saying why. */
const patches = patchesState(process.env, versions.storybook);
if (!patches.on && patches.reason !== 'WORKBENCH_PATCHES=0') console.warn(`[workbench] ${patches.reason}.`);

// No addons by name: a project in pnpm's (or npm's linked) layout cannot resolve the workbench's
// dependencies, and Storybook skipped them ("Could not resolve addon"). msw-storybook-addon's own
// preview only starts a worker when no loader did; the workbench's loader (backendLoader.ts) uses
// its mswLoader. Not Storybook's Vitest addon either: its "Run tests" needs a Vitest project with
// its plugin, which a widget repository does not have; `amo-workbench test` runs the stories. This
// repository's .storybook/main.ts adds it for its own.

/** A patch's plugin turned off: its name and when it applies (what Vite's dependency hash sees), no hooks. */
const inert = (plugin: Plugin): Plugin => ({ name: plugin.name, apply: plugin.apply, enforce: plugin.enforce });

export const core = async (existing: CoreConfig | undefined, options: PresetContext): Promise<CoreConfig> => {
  // Without change detection, a builder that does not start Storybook's module-graph engine either
  // (src/node/patches/viteBuilder/); the framework's own builder-vite otherwise.
  const patched = changeDetection || !patchOn(patches, 'viteBuilder') ? undefined : chooseBuilder(await import('@storybook/builder-vite'));
  const builder = withoutProjectViteConfig(patched ?? existing?.builder, options.projectViteConfig === false);
  return { ...existing, disableTelemetry: true, ...(builder ? { builder } : {}) } as CoreConfig;
};

/**
 * Storybook's highlight feature (on by default) watches the story root for every DOM change and then
 * reads the computed style of every element of the page, looking for scroll containers: a cabinet
 * is a few hundred elements, rendered in several steps, so that cost each story switch several ms
 * for a feature nothing here uses (docs/performance.md). `features.highlight: true` in a project's
 * main config (e.g. for the accessibility addon's highlights) turns it back on. Storybook's onboarding
 * checklist ("Add 5 components", "Publish your Storybook") speaks of components a widget developer
 * does not write: off too.
 */
export const features = async (existing: Record<string, unknown> = {}) => ({
  ...existing,
  highlight: false,
  sidebarOnboardingChecklist: false,
  menuOnboardingChecklist: false,
  changeDetection,
});

/**
 * The generated CSF of every widget folder (src/node/widgets/widgetStoryFiles.ts), relative to the config
 * folder: Storybook's Vitest plugin joins each entry to the config folder, so an absolute path there
 * would name no file and the widgets' stories would silently not run as tests.
 */
export const stories = async (entries: string[] = [], options: PresetContext) => [
  ...entries,
  `${path.relative(options.configDir, workbenchFor(options).generatedDir).split(path.sep).join('/')}/*.stories.ts`,
];

/** Story files are parsed once, not at every start (src/node/patches/cachedIndexers.ts). */
export const experimental_indexers = async (indexers: Indexer[] | undefined) =>
  patchOn(patches, 'cachedIndexers')
    ? cachedIndexers(indexers, resolvePathInStorybookCache('amo-workbench-index'), versions.storybook ?? '')
    : (indexers ?? []);

export const previewAnnotations = async (entries: string[] = []) => [...entries, path.join(PACKAGE_ROOT, 'src/preview/preview.ts')];

export const managerEntries = async (entries: string[] = []) => [...entries, path.join(PACKAGE_ROOT, 'src/preview/manager.ts')];

export const viteFinal = async (viteConfig: InlineConfig, options: PresetContext) => {
  const workbench = workbenchFor(options);
  const projectRoot = path.resolve(options.projectRoot ?? process.cwd());
  // No sb.mock scan or mocker runtime while the preview mocks nothing (src/node/patches/skipUnusedMocking.ts).
  if (patchOn(patches, 'skipUnusedMocking')) skipUnusedMocking(viteConfig.plugins ?? [], loadPreviewOrConfigFile({ configDir: options.configDir }));
  // A linked layout (pnpm): the project sees only amo-workbench itself (src/node/projectLayout.ts).
  const linked = isLinkedLayout(projectRoot);
  return mergeConfig(viteConfig, {
    plugins: [
      ...(linked ? [packageDependenciesPlugin(PACKAGE_ROOT)] : []),
      ...workbench.plugins,
      // A plugin patch turned off by itself stays as a plugin of the same name without hooks: Vite's
      // dependency hash includes plugin names, so measuring a patch on and off would otherwise re-optimize.
      ...(patches.on
        ? [
            // Responses to this machine are not gzipped: nothing to save over loopback (src/node/patches/loopbackWithoutGzip.ts).
            patchOn(patches, 'loopbackWithoutGzip') ? loopbackWithoutGzipPlugin() : inert(loopbackWithoutGzipPlugin()),
            // A build takes React & co., MSW and Storybook's preview runtime prebuilt from the workbench's cache (src/node/patches/prebuiltVendor/).
            (patchOn(patches, 'prebuiltVendor') ? (plugin: Plugin) => plugin : inert)(
              prebuiltVendorPlugin({ root: PACKAGE_ROOT, cacheFile: vendorCacheFile(projectRoot) }),
            ),
          ]
        : []),
      // The libraries behind the host modules; React & co. bundled on first use in dev (src/node/vite/hostLibrariesPlugin.ts).
      hostLibrariesPlugin({ root: PACKAGE_ROOT }),
      mswWorkerPlugin(),
      // The clock's package asks for Node's `util`, which it never calls in a browser (src/node/vite/fakeTimersUtilPlugin.ts).
      fakeTimersUtilPlugin(),
      // msw and msw/browser come from MSW's own browser bundle (src/node/vite/mswBrowserBundlePlugin.ts).
      mswBrowserBundlePlugin(),
      // The dev server serves the host emulator as one module (src/node/devBundle/hostBundlePlugin.ts).
      hostBundlePlugin({
        root: PACKAGE_ROOT,
        bundled: ['src/host', 'src/preview', 'src/common'],
        // The story API stays a module Vite serves, as a story does: it reads the generated folder
        // list, whose mocks read the bundle, which must not import them back (a cycle).
        importers: ['src/preview/preview.ts', ...STORY_API_FILES, 'stories', path.relative(PACKAGE_ROOT, workbench.generatedDir)],
        aliases: { [MOCKS_IMPORT_ID]: MOCKS_ENTRY, [PACKAGE_MOCKS_ID]: MOCKS_ENTRY },
        // One per widget-folder list, like the generated stories: two Storybooks of a project never take turns rewriting it.
        cacheFile: path.join(projectRoot, 'node_modules/.cache/amo-workbench', `host-bundle-${path.basename(workbench.generatedDir)}.json`),
      }),
    ],
    define: {
      ...clientSecretDefine(process.env, options.configType === 'PRODUCTION'),
      __VISUAL_MODES__: JSON.stringify(process.env.VISUAL_MODES ?? 'default'),
    },
    // The addon is served as it is published, so its `msw/browser` import reaches the plugin above
    // rather than a second copy of MSW inside Vite's pre-bundle.
    // The clock's `util` is answered in the dev server's pre-bundle too (src/node/vite/fakeTimersUtilPlugin.ts).
    optimizeDeps: { include: prebundledPackages, exclude: servedAsPublished, rolldownOptions: { plugins: [fakeTimersUtilPlugin()] } },
    build: {
      // The size report gzips every chunk of the build again, only to print it (~0.15 s).
      reportCompressedSize: false,
      // Rolldown's slow-plugin report blamed the workbench's vendor plugin for the vendor bundle it
      // makes on a first build (inside its resolveId), in every new user's first `test` or `build`
      // output. Build times are measured by `npm run bench` instead.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
    // A build lists each of its ~300 files with its size, and Storybook's logger wraps every line.
    // Warnings and errors still print; the dev server keeps its info messages (HMR, host bundle).
    ...(options.configType === 'PRODUCTION' ? { logLevel: 'warn' as const } : {}),
    server: {
      fs: { allow: [PACKAGE_ROOT, projectRoot, ...workbench.discovery.roots] },
      // Transform the host emulator while the browser is still loading Storybook, rather than module
      // by module down the import graph of the first story. Browser code only: warming Node-only
      // files (src/node/widgets/) would make the dep optimizer bundle zod & co. and run a second time.
      warmup: { clientFiles: [path.join(PACKAGE_ROOT, 'src/preview/preview.ts'), path.join(PACKAGE_ROOT, 'src/preview/widgetFolderStory.ts')] },
    },
  });
};

/** Chromatic's Visual tests panel, for a project linked to Chromatic (src/node/visual/visualTestsAddon.ts). */
export function visualTestsAddons(projectRoot: string): string[] {
  return visualTestsAddon(projectRoot, process.env).load ? [VISUAL_TESTS_ADDON] : [];
}
