/**
 * Ambient declarations of the host module ids that are not npm packages, for widgets written in
 * TypeScript as ES modules and bundled to AMD (or UMD) with the host ids as externals. Reference
 * this file (or copy it) in your widget's tsconfig. `jquery`, `react`, `react-dom`, `lodash`, ...
 * take their types from the packages themselves.
 */
declare module 'amocrm-sdk' {
  import type { InitAmocrmWidgetSdk } from './host/sdk/sdkTypes';
  const initAmocrmWidgetSdk: InitAmocrmWidgetSdk;
  export default initAmocrmWidgetSdk;
}

declare module 'import-modules' {
  import type { ImportModules } from './host/amd/importModules';
  const importModules: ImportModules;
  export default importModules;
}

declare module 'immer.produce' {
  import type { produce } from 'immer';
  const value: typeof produce;
  export default value;
}

declare module 'immer.current' {
  import type { current } from 'immer';
  const value: typeof current;
  export default value;
}
