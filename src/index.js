/**
 * The typed surface for widget authors: every constant, model and SDK method of amoCRM's client
 * cabinet, the widget contract, and the host module ids. Import types from here when writing a
 * personal_page widget in TypeScript:
 *
 *   import type { PersonalPageWidget, InitAmocrmWidgetSdk, SysModel } from '<workbench>/src';
 */
export * from './sdk/constants';
export { SUPPORTED_SDK_VERSIONS } from './sdk/versions';
export { HOST_MODULE_IDS } from './amd/hostModuleIds';
