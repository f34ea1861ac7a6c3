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
];
export function isHostModuleId(id) {
    return HOST_MODULE_IDS.includes(id);
}
