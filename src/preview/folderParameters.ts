/**
 * For hand-written stories of a widget folder (`amo-workbench/story`): the parameters the folder's
 * generated stories have (the widget, its titles, the folder's problems, its mocks/handlers), by the
 * folder's name. Storybook merges a story's own parameters over a meta's, so a story adds a backend
 * scenario, a fixture or expected findings on top. The folders come from the generated list
 * (src/node/widgets/widgetStoryFiles.ts), which follows the widget folders live.
 */
import { widgetFolders } from 'virtual:amo-workbench/widget-folders';
import { widgetFolderParameters, type FolderStoryParameters } from './widgetFolderStory';

export function folderParameters(name: string): FolderStoryParameters {
  const entry = widgetFolders.find(({ folder }) => folder.name === name) ?? widgetFolders.find(({ folder }) => folder.place === name);
  if (entry) return widgetFolderParameters(entry.folder, entry.handlers);
  const known = widgetFolders.map(({ folder }) => `"${folder.name}"`).join(', ') || 'none';
  // A problem on the story, beside an empty cabinet: a throw would be Storybook's error screen.
  return {
    workbench: {
      widgets: [],
      folderProblems: [
        {
          code: 'unknown-folder',
          file: '.',
          message: `folderParameters("${name}"): no widget folder of that name among the workbench's folders (${known}).`,
          fix: "Give the folder's name as its story shows it, or add the folder to the preset's widgets option (or amo-workbench's folder arguments).",
        },
      ],
    },
    widgetFolder: undefined,
    msw: { handlers: { widget: [] } },
    chromatic: {},
  };
}
