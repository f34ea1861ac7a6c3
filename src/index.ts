/**
 * The typed surface for widget authors: every constant, model and SDK method of amoCRM's client
 * cabinet, the widget contract, and the host module ids. Import types from here when writing a
 * personal_page widget in TypeScript:
 *
 *   import type { PersonalPageWidget, InitAmocrmWidgetSdk, SysModel } from '<workbench>/src';
 */
export * from './common/constants';
export type * from './host/sdk/models';
export type * from './host/sdk/sdkTypes';
export { SUPPORTED_SDK_VERSIONS } from './host/sdk/versions';
export type { Cleanup, InitLeadParams, PersonalPageWidget } from './host/lifecycle/contract';
export { HOST_MODULE_IDS, type HostModuleId } from './common/hostModuleIds';
export type { ImportModules } from './host/amd/importModules';
export type { DisposableTokenClaims } from './host/token/tokenSettings';
