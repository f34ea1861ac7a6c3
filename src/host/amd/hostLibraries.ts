/**
 * The shared libraries behind the host module ids, each a lazy import, so a page downloads only
 * what its widgets `define` (hello-world never fetches React, Redux or lodash). Each comes as
 * `virtual:amo-workbench/host-library/<name>`, whose default export is the package's namespace
 * (hostLibrariesPlugin.ts: in `storybook dev` the heavy ones are bundled on first use, not by Vite's
 * optimizer at every cold start). ESM builds only: a UMD bundle evaluated while require.js is on the
 * page would see `define.amd` and call an anonymous `define` ("Mismatched anonymous define()"); that
 * is why jQuery comes from its `dist-module` build, and lodash's UMD file is bundled as CommonJS
 * (umdAsCommonJsPlugin.ts).
 *
 * Values follow the spec's table "What each host module is".
 */
import type { HostModuleId } from '../../common/hostModuleIds';

export type LibraryId = Exclude<HostModuleId, 'amocrm-sdk' | 'import-modules'>;

export const hostLibraries: Record<LibraryId, () => Promise<unknown>> = {
  jquery: async () => (await namespaceOf<typeof import('jquery')>(import('virtual:amo-workbench/host-library/jquery'))).default,
  react: () => namespaceOf(import('virtual:amo-workbench/host-library/react')),
  'react-dom': async () => {
    const [dom, client] = await Promise.all([
      namespaceOf(import('virtual:amo-workbench/host-library/react-dom')),
      namespaceOf(import('virtual:amo-workbench/host-library/react-dom-client')),
    ]);
    return Object.freeze({ ...dom, ...client });
  },
  '@reduxjs/toolkit': () => namespaceOf(import('virtual:amo-workbench/host-library/redux-toolkit')),
  'react-redux': () => namespaceOf(import('virtual:amo-workbench/host-library/react-redux')),
  'immer.produce': async () => (await namespaceOf<typeof import('immer')>(import('virtual:amo-workbench/host-library/immer'))).produce,
  'immer.current': async () => (await namespaceOf<typeof import('immer')>(import('virtual:amo-workbench/host-library/immer'))).current,
  nanoid: async () => {
    const { nanoid, customAlphabet } = await namespaceOf<typeof import('nanoid/non-secure')>(import('virtual:amo-workbench/host-library/nanoid'));
    // A wrapper, so adding `customAlphabet` does not touch the library's own export.
    return Object.assign((size?: number) => nanoid(size), { customAlphabet });
  },
  classnames: async () => (await namespaceOf<typeof import('classnames')>(import('virtual:amo-workbench/host-library/classnames'))).default,
  dateformat: async () => {
    const module = await namespaceOf<typeof import('dateformat')>(import('virtual:amo-workbench/host-library/dateformat'));
    // dateformat 5 exports `masks` and `i18n` beside the function; the host's (v4-style) function
    // carries them as properties, and a widget may extend `dateFormat.masks`.
    return Object.assign(module.default, { masks: module.masks, i18n: module.i18n });
  },
  // lodash is CommonJS: its namespace's default export is `module.exports`, the callable `_`.
  lodash: async () => (await namespaceOf<{ default: typeof import('lodash') }>(import('virtual:amo-workbench/host-library/lodash'))).default,
};

async function namespaceOf<T = Record<string, unknown>>(module: Promise<{ default: unknown }>): Promise<T> {
  return (await module).default as T;
}
