/**
 * The shared libraries behind the host module ids, each a lazy ESM import, so a page downloads only
 * what its widgets `define` (hello-world never fetches React, Redux or lodash). ESM builds only:
 * a UMD bundle evaluated while require.js is on the page would see `define.amd` and call an
 * anonymous `define` ("Mismatched anonymous define()"); that is why lodash comes from lodash-es
 * and jQuery from its `dist-module` build.
 *
 * Values follow the spec's table "What each host module is".
 */
import type { HostModuleId } from './hostModuleIds';

export type LibraryId = Exclude<HostModuleId, 'amocrm-sdk' | 'import-modules'>;

export const hostLibraries: Record<LibraryId, () => Promise<unknown>> = {
  jquery: async () => (await import('jquery')).default,
  react: () => import('react'),
  'react-dom': async () => {
    const [dom, client] = await Promise.all([import('react-dom'), import('react-dom/client')]);
    return Object.freeze({ ...dom, ...client });
  },
  '@reduxjs/toolkit': () => import('@reduxjs/toolkit'),
  'react-redux': () => import('react-redux'),
  'immer.produce': async () => (await import('immer')).produce,
  'immer.current': async () => (await import('immer')).current,
  nanoid: async () => {
    const { nanoid, customAlphabet } = await import('nanoid/non-secure');
    // A wrapper, so adding `customAlphabet` does not touch the library's own export.
    return Object.assign((size?: number) => nanoid(size), { customAlphabet });
  },
  classnames: async () => (await import('classnames')).default,
  dateformat: async () => {
    const module = await import('dateformat');
    // dateformat 5 exports `masks` and `i18n` beside the function; the host's (v4-style) function
    // carries them as properties, and a widget may extend `dateFormat.masks`.
    return Object.assign(module.default, { masks: module.masks, i18n: module.i18n });
  },
  // lodash-es's default export is the callable `_` with every method, as `require('lodash')` is.
  lodash: async () => (await import('lodash-es/lodash.default.js')).default,
};
