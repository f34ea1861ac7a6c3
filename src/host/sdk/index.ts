export * from '../../common/constants';
export type * from './models';
export type * from './sdkTypes';
export { HostState, type InitialState } from './hostState';
export { createInitAmocrmWidgetSdk, type SdkHost } from './createSdk';
export { SUPPORTED_SDK_VERSIONS, SdkVersionError } from './versions';
export { UnknownEntityError, isPublicEntity } from './entities';
