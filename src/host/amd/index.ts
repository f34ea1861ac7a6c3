export { HOST_MODULE_IDS, isHostModuleId, type HostModuleId } from '../../common/hostModuleIds';
export { hostLibraries, type LibraryId } from './hostLibraries';
export { createImportModules, type ImportModules } from './importModules';
export { createAmdContext, type AmdContext, type AmdContextOptions } from './amdContext';
export { ensureRequireJs } from './requireJsGlobal';
