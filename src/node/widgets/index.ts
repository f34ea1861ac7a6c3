export { discoverWidgets, widgetRoots, formatSkipped, formatProblems, type WidgetFolder, type SkippedFolder, type Discovery } from './discoverWidgets.ts';
export { readWidgetFolder, looksLikeWidgetFolder, findMocksFile } from './readWidgetFolder.ts';
export { writeWidgetStories, widgetStorySource, identifyWidgets, jsLiteral } from './widgetStoryFiles.ts';
export { widgetFilesPlugin, type FolderMount } from './widgetFilesPlugin.ts';
