/** The module ids the host provides to `define`/`require`: exactly these strings (spec). */
export const HOST_MODULE_IDS = [
  'amocrm-sdk',
  'import-modules',
  'jquery',
  'react',
  'react-dom',
  '@reduxjs/toolkit',
  'react-redux',
  'immer.produce',
  'immer.current',
  'nanoid',
  'classnames',
  'dateformat',
  'lodash',
] as const;

export type HostModuleId = (typeof HOST_MODULE_IDS)[number];

export function isHostModuleId(id: string): id is HostModuleId {
  return (HOST_MODULE_IDS as readonly string[]).includes(id);
}
