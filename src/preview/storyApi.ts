/**
 * What hand-written stories of a widget import from the package (`amo-workbench/story`): a widget
 * folder's parameters, the decorator for a story with its own render, its parameters' type, and the
 * play-function helpers.
 */
export { folderParameters } from './folderParameters';
export { withWorkbench } from './withWorkbench';
export { cabinetOf } from './cabinetOf';
export type { WorkbenchParameters } from './parameters';
export type { FolderStoryParameters } from './widgetFolderStory';
export type { StateSpec } from '../common/stateSpec';
