export { discoverWidgets, checkWidgetFolder, widgetRoots, formatSkipped, type WidgetFolder, type SkippedFolder, type Discovery } from './discoverWidgets.ts';
export { writeWidgetStories, widgetStorySource, storyFileName } from './widgetStoryFiles.ts';
export { widgetFilesPlugin, type FolderMount } from './widgetFilesPlugin.ts';
