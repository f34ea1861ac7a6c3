/**
 * Packages the preview imports lazily (the light host libraries behind hostLibraries.ts) or from
 * Node-agnostic src code. Vite pre-bundles them up front: a dependency discovered late makes Vite
 * reload the page in the middle of a story. React & co. are not here: in dev they are bundled on
 * first use (hostLibrariesPlugin.ts).
 */
export const prebundledPackages = [
  'jquery',
  'nanoid/non-secure',
  'classnames',
  'dateformat',
  'lodash-es/isEqual.js',
  'jose',
  '@sinonjs/fake-timers',
  'semver',
  'fastest-levenshtein',
];
