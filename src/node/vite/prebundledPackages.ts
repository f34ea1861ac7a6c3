/**
 * Packages the preview imports lazily (the light host libraries behind hostLibraries.ts) or from
 * Node-agnostic src code. Vite pre-bundles them up front: a dependency discovered late makes Vite
 * reload the page in the middle of a story. The list must be complete: Vite's dependency scan does
 * not read the files of the dev host bundle (hostBundlePlugin.ts); hostBundle.test.ts compares the
 * list with the packages the bundle imports. React & co. are not here: in dev they are bundled on
 * first use (hostLibrariesPlugin.ts), whose table says which libraries are light.
 */
import { HOST_LIBRARY_PACKAGES, type HostLibraryName, LAZY_HOST_LIBRARIES } from './hostLibrariesPlugin.ts';

const lightHostLibraries = (Object.entries(HOST_LIBRARY_PACKAGES) as [HostLibraryName, string][])
  .filter(([name]) => !LAZY_HOST_LIBRARIES.includes(name))
  .map(([, pkg]) => pkg);

// jose and semver by the entry points the emulator uses (the JWT signer and verifier, the errors;
// `valid`): their main entries re-export ~45 modules each that the browser never runs.
export const prebundledPackages = [
  ...lightHostLibraries,
  'dequal',
  'jose/jwt/sign',
  'jose/jwt/verify',
  'jose/errors',
  '@sinonjs/fake-timers',
  'semver/functions/valid',
  'fastest-levenshtein',
  'storybook/preview-api',
  // The event names the preview's story-error record listens for (src/preview/storyErrors.ts).
  'storybook/internal/core-events',
  // The generated state stories' play functions (src/preview/widgetStates.ts) check with its expect.
  'storybook/test',
  // What the HTML renderer's entry imports. Vite's scan never reads that entry: it drops every entry
  // under `**/<build.outDir>/**`, and the dev server's outDir is `dist`, as in
  // node_modules/@storybook/html/dist/. Unlisted, docs-tools came as 9 files served one by one, one
  // of 117 KB sent with a 540 KB generated source map (warm dev ready 2971 → 2929 ms, 6 pairs).
  'storybook/internal/docs-tools',
  'ts-dedent',
];

/**
 * Packages the preview imports that Vite serves as published (`optimizeDeps.exclude`): the addon,
 * so its `msw/browser` import reaches mswBrowserBundlePlugin rather than a second MSW inside a
 * pre-bundle; and the workbench itself, which a hand-written story imports by name
 * (`amo-workbench/story`): pre-bundled, it would be a second host beside the preview's, and its
 * `?raw` and CSS imports fail Vite's optimizer.
 */
export const servedAsPublished = ['msw-storybook-addon', 'amo-workbench'];
