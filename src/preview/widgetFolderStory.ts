/**
 * Parameters of the story generated for a widget folder (src/node/widgets/widgetStoryFiles.ts). The
 * folder's files are served under `_workbench/widgets/<name>/` (src/node/widgets/widgetFilesPlugin.ts),
 * relative to the page so a static build works under any sub-path.
 */
import type { RequestHandler } from 'msw';
import type { WidgetSource } from '../host/cabinet/createCabinet';
import { MOCKS_PROBLEM_KEY, type FolderProblem, type FolderProblemCode } from '../common/folderProblem';
import { WIDGET_URL_PREFIX } from '../common/servedPaths';
import { localeModes } from '../common/localeModes';
import type { WorkbenchParameters } from './parameters';

// The generated stories import everything from this file.
export { widgetStateStory } from './widgetStates';
export { allStatesStory } from './allStates';

/** What the generated story knows about its folder (written by src/node/widgets/widgetStoryFiles.ts). */
export interface WidgetFolderInfo {
  name: string;
  /** Where the folder is, relative to the project or WIDGETS_DIR (never an absolute path). */
  place: string;
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

/** Why the folder's handlers are not used: a file that could not be built (mocksGuardPlugin.ts), or a wrong export. */
function badMocksProblem(handlers: unknown): FolderProblem {
  const unbuilt = (handlers as Record<string, unknown> | null)?.[MOCKS_PROBLEM_KEY];
  if (typeof unbuilt === 'string') {
    return { code: 'bad-mocks', file: 'mocks', message: unbuilt, fix: 'Fix the file; the story picks the handlers up on the next save.' };
  }
  return {
    code: 'bad-mocks',
    file: 'mocks/handlers',
    message: `mocks/handlers exports "handlers" as ${handlers === null ? 'null' : typeof handlers}, not an array of MSW handlers; the story runs without them.`,
    fix: 'Export an array: export const handlers = [http.get(...), ...].',
  };
}

/**
 * `handlers`: the folder's own MSW handlers (its mocks/handlers file), under `msw.handlers.widget`.
 * `expectProblems`: the folder problems a fixture folder shows on purpose.
 */
/** A widget folder's story parameters: the cabinet's, the folder's record, its handlers, its capture modes. */
export interface FolderStoryParameters {
  workbench: WorkbenchParameters;
  /** Absent when no folder of the asked name exists (folderParameters). */
  widgetFolder: WidgetFolderInfo | undefined;
  msw: { handlers: { widget: RequestHandler[] } };
  chromatic: Partial<typeof localeModes.chromatic>;
}

export function widgetFolderParameters(
  folder: WidgetFolderInfo,
  handlers?: unknown,
  options: { expectProblems?: FolderProblemCode[] } = {},
): FolderStoryParameters {
  // A problem on the story, not a throw: a throw here would be Storybook's error screen instead of the cabinet.
  const badHandlers = handlers !== undefined && !Array.isArray(handlers);
  const problems: FolderProblem[] = badHandlers ? [...folder.problems, badMocksProblem(handlers)] : folder.problems;
  const workbench: WorkbenchParameters = {
    widgets: folder.hasScript ? [folderWidget(folder)] : [],
    folderProblems: problems,
    expectProblems: options.expectProblems,
  };
  return {
    workbench,
    widgetFolder: folder,
    msw: { handlers: { widget: (badHandlers ? [] : (handlers ?? [])) as RequestHandler[] } },
    // Widget folders are captured in every language and format mode (the tag is in the CSF meta).
    chromatic: options.expectProblems ? {} : localeModes.chromatic,
  };
}
