/**
 * Parameters of the story generated for a widget folder (src/widgets/widgetStoryFiles.ts). The
 * folder's files are served under `_workbench/widgets/<name>/` (src/widgets/widgetFilesPlugin.ts),
 * relative to the page so a static build works under any sub-path.
 */
import type { RequestHandler } from 'msw';
import type { WidgetSource } from '../cabinet/createCabinet';
import type { FolderProblem, FolderProblemCode } from '../widgets/folderProblem';
import { WIDGET_URL_PREFIX } from '../widgets/servedPaths';
import { localeModes } from '../visual/localeModes';
import type { WorkbenchParameters } from './parameters';

/** What the generated story knows about its folder (written by src/widgets/widgetStoryFiles.ts). */
export interface WidgetFolderInfo {
  name: string;
  dir: string;
  /** URL path of the folder under the site base. */
  servedAt: string;
  hasScript: boolean;
  scriptVersion: string | null;
  manifestName: string | null;
  manifestDescription: string | null;
  i18n: Record<string, unknown>;
  problems: FolderProblem[];
}

export function widgetFolderUrl(name: string, file = 'personal_page.js'): string {
  return `${import.meta.env.BASE_URL}${WIDGET_URL_PREFIX}/${encodeURIComponent(name)}/${file}`;
}

/** The cabinet's view of a folder's widget: its script (versioned, so an edit loads anew) and titles. */
export function folderWidget(folder: WidgetFolderInfo): WidgetSource {
  return {
    name: folder.name,
    script: `${import.meta.env.BASE_URL}${folder.servedAt}/personal_page.js${folder.scriptVersion ? `?v=${folder.scriptVersion}` : ''}`,
    i18n: folder.i18n,
    nameKey: folder.manifestName ?? undefined,
    descriptionKey: folder.manifestDescription ?? undefined,
  };
}

/**
 * `handlers`: the folder's own MSW handlers (its mocks/handlers file), under `msw.handlers.widget`.
 * `expectProblems`: the folder problems a fixture folder shows on purpose.
 */
export function widgetFolderParameters(folder: WidgetFolderInfo, handlers?: unknown, options: { expectProblems?: FolderProblemCode[] } = {}) {
  if (handlers !== undefined && !Array.isArray(handlers)) {
    throw new Error(`${folder.dir}/mocks/handlers: "handlers" must be an array of MSW request handlers, got ${typeof handlers}.`);
  }
  const workbench: WorkbenchParameters = {
    widgets: folder.hasScript ? [folderWidget(folder)] : [],
    folderProblems: folder.problems,
    expectProblems: options.expectProblems,
  };
  return {
    workbench,
    widgetFolder: folder,
    msw: { handlers: { widget: (handlers ?? []) as RequestHandler[] } },
    // Widget folders are captured in every language and format mode (the tag is in the CSF meta).
    chromatic: options.expectProblems ? {} : localeModes.chromatic,
  };
}

// The manifests and i18n files of this repository's widgets/, for hand-written stories of them.
const repoManifests = import.meta.glob<{ widget?: { name?: string; description?: string } }>('../../widgets/*/manifest.json', { eager: true, import: 'default' });
const repoI18n = import.meta.glob<unknown>('../../widgets/*/i18n/*.json', { eager: true, import: 'default' });

/** For hand-written stories of a folder in this repository's widgets/ (its i18n titles included). */
export function repoWidgetParameters(name: string, handlers?: RequestHandler[]) {
  const manifest = repoManifests[`../../widgets/${name}/manifest.json`];
  const prefix = `../../widgets/${name}/i18n/`;
  const i18n = Object.fromEntries(
    Object.entries(repoI18n)
      .filter(([file]) => file.startsWith(prefix))
      .map(([file, texts]) => [file.slice(prefix.length).replace(/\.json$/, ''), texts]),
  );
  const workbench: WorkbenchParameters = {
    widgets: [{ name, script: widgetFolderUrl(name), i18n, nameKey: manifest?.widget?.name, descriptionKey: manifest?.widget?.description }],
  };
  return { workbench, msw: { handlers: { widget: handlers ?? [] } } };
}
