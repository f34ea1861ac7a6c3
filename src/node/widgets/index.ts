export { discoverWidgets, widgetRoots, formatSkipped, formatProblems, type WidgetFolder, type SkippedFolder, type Discovery } from './discoverWidgets.ts';
export { readWidgetFolder, findMocksFile } from './readWidgetFolder.ts';
export { looksLikeWidgetFolder } from './readFolderFile.ts';
export { writeWidgetStories, widgetStorySource, identifyWidgets, jsLiteral } from './widgetStoryFiles.ts';
export { widgetFilesPlugin, type FolderMount } from './widgetFilesPlugin.ts';
