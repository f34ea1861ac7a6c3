/**
 * The typed surface for widget authors: every constant, model and SDK method of amoCRM's client
 * cabinet, the widget contract, and the host module ids. Import types from here when writing a
 * personal_page widget in TypeScript:
 *
 *   import type { PersonalPageWidget, InitAmocrmWidgetSdk, SysModel } from '<workbench>/src';
 */
export * from './sdk/constants';
export type * from './sdk/models';
export type * from './sdk/sdkTypes';
export { SUPPORTED_SDK_VERSIONS } from './sdk/versions';
export type { Cleanup, InitLeadParams, PersonalPageWidget } from './lifecycle/contract';
export { HOST_MODULE_IDS, type HostModuleId } from './amd/hostModuleIds';
export type { ImportModules } from './amd/importModules';
export type { DisposableTokenClaims } from './token/tokenSettings';
