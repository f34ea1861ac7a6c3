/** A problem with a widget folder: what is wrong, in which file, and how to fix it. */
export type FolderProblemCode =
  | 'no-manifest'
  | 'invalid-json'
  | 'bom'
  | 'manifest-fields'
  | 'bad-version'
  | 'no-personal-page-location'
  | 'no-script'
  | 'i18n-keys'
  /** A file the workbench reads is a folder, or the `i18n` folder is a file. */
  | 'not-a-file'
  | 'not-a-folder'
  | 'unreadable-file'
  | 'invalid-utf8'
  | 'empty-file'
  | 'json-too-deep'
  | 'large-script'
  /** mocks/handlers does not parse, imports what is not there, or exports something other than an array of handlers. */
  | 'bad-mocks'
  /** mocks/handlers is under a path with `#` or `?`, which Vite cannot import from (the story runs without it). */
  | 'mocks-path'
  /** workbench.states.json has a wrong key or value (the state is left out). */
  | 'bad-states'
  /** Another folder's name gives the same story id: this one got a suffix. */
  | 'duplicate-name'
  /** A hand-written story names a widget folder the workbench does not know (folderParameters). */
  | 'unknown-folder'
  // The upload rules (uploadRules.ts): warnings on the story, their own severity for validate and pack.
  | 'manifest-not-at-root'
  | 'no-script-js'
  | 'no-i18n-folder'
  | 'no-images-folder'
  | 'left-out'
  | 'source-map'
  | 'manifest-upload-fields'
  | 'unknown-location'
  | 'i18n-key-missing'
  | 'locale-files'
  | 'logo-missing'
  | 'logo-size'
  | 'logo-too-large'
  | 'logo-format'
  | 'minified-code'
  /** A .css file of the folder that no script names: nothing would load it. */
  | 'stylesheet-not-loaded'
  | 'listing-limit';

export interface FolderProblem {
  code: FolderProblemCode;
  /** An error fails the story's test; a warning is shown and does not. Error when absent. */
  severity?: 'error' | 'warning';
  /** For `validate` and `pack`, when it differs from `severity`: an upload rule is an error there, a left-out file a note. */
  upload?: 'error' | 'warning' | 'note';
  /** Path relative to the widget folder. */
  file: string;
  message: string;
  fix: string;
}

export function isError(problem: FolderProblem): boolean {
  return problem.severity !== 'warning';
}

/** How `validate` and `pack` weigh a problem: an error refuses the archive. */
export function uploadSeverity(problem: FolderProblem): 'error' | 'warning' | 'note' {
  return problem.upload ?? problem.severity ?? 'error';
}

/**
 * The key of the marker a mocks file that cannot be built or run is replaced by (its `handlers`
 * export; src/node/widgets/mocksGuardPlugin.ts and guardedMocks.ts): the reason, shown as the
 * story's `bad-mocks` problem.
 */
export const MOCKS_PROBLEM_KEY = 'amoWorkbenchMocksProblem';
