/**
 * Parameters of the story generated for a widget folder (see src/widgets/widgetStoryFiles.ts).
 * The folder's files are served under `widgets/<name>/` (src/widgets/widgetFilesPlugin.ts),
 * relative to the page so a static build works under any sub-path.
 */
import type { WorkbenchParameters } from './parameters';

export function widgetFolderUrl(name: string, file = 'personal_page.js'): string {
  return `${import.meta.env.BASE_URL}widgets/${encodeURIComponent(name)}/${file}`;
}

export function widgetFolderParameters(name: string, dir: string): { workbench: WorkbenchParameters; widgetFolder: { name: string; dir: string } } {
  return { workbench: { widgets: [{ name, script: widgetFolderUrl(name) }] }, widgetFolder: { name, dir } };
}
