/**
 * Packages the preview imports lazily (the host libraries behind hostLibraries.ts) or from
 * Node-agnostic src code. Vite pre-bundles them up front: a dependency discovered late makes Vite
 * reload the page in the middle of a story.
 */
export const prebundledPackages = [
  'jquery',
  'react',
  'react-dom',
  'react-dom/client',
  '@reduxjs/toolkit',
  'react-redux',
  'immer',
  'nanoid/non-secure',
  'classnames',
  'dateformat',
  'lodash-es/lodash.default.js',
  'lodash-es/isEqual.js',
  'jose',
  '@sinonjs/fake-timers',
  'semver',
  'fastest-levenshtein',
];
