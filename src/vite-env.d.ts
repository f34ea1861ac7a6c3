/// <reference types="vite/client" />

/** A host library's namespace (src/node/vite/hostLibrariesPlugin.ts). */
declare module 'virtual:amo-workbench/host-library/*' {
  const namespace: unknown;
  export default namespace;
}

/** The widget folders of this Storybook (src/node/widgets/widgetStoryFiles.ts: the generated list). */
declare module 'virtual:amo-workbench/widget-folders' {
  export const widgetFolders: { folder: import('./preview/widgetFolderStory').WidgetFolderInfo; handlers: unknown }[];
}
