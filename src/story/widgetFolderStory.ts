/**
 * Parameters of the story generated for a widget folder (see src/widgets/widgetStoryFiles.ts).
 * The folder's files are served under `_workbench/widgets/<name>/` (src/widgets/widgetFilesPlugin.ts),
 * relative to the page so a static build works under any sub-path.
 */
import type { RequestHandler } from 'msw';
import { WIDGET_URL_PREFIX } from '../widgets/servedPaths';
import type { WorkbenchParameters } from './parameters';

export function widgetFolderUrl(name: string, file = 'personal_page.js'): string {
  return `${import.meta.env.BASE_URL}${WIDGET_URL_PREFIX}/${encodeURIComponent(name)}/${file}`;
}

/** `handlers`: the widget folder's own MSW handlers (its mocks/handlers file), under `msw.handlers.widget`. */
export function widgetFolderParameters(name: string, dir: string, handlers?: unknown) {
  if (handlers !== undefined && !Array.isArray(handlers)) {
    throw new Error(`${dir}/mocks/handlers: "handlers" must be an array of MSW request handlers, got ${typeof handlers}.`);
  }
  const workbench: WorkbenchParameters = { widgets: [{ name, script: widgetFolderUrl(name) }] };
  return { workbench, widgetFolder: { name, dir }, msw: { handlers: { widget: (handlers ?? []) as RequestHandler[] } } };
}
