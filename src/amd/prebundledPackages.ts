/**
 * Packages the preview imports lazily (the light host libraries behind hostLibraries.ts) or from
 * Node-agnostic src code. Vite pre-bundles them up front: a dependency discovered late makes Vite
 * reload the page in the middle of a story. React & co. are not here: in dev they are bundled on
 * first use (hostLibrariesPlugin.ts), whose table says which libraries are light.
 */
import { HOST_LIBRARY_PACKAGES, type HostLibraryName, LAZY_HOST_LIBRARIES } from './hostLibrariesPlugin.ts';

const lightHostLibraries = (Object.entries(HOST_LIBRARY_PACKAGES) as [HostLibraryName, string][])
  .filter(([name]) => !LAZY_HOST_LIBRARIES.includes(name))
  .map(([, pkg]) => pkg);

export const prebundledPackages = [...lightHostLibraries, 'dequal', 'jose', '@sinonjs/fake-timers', 'semver', 'fastest-levenshtein'];
