/** A problem with a widget folder: what is wrong, in which file, and how to fix it. */
export type FolderProblemCode =
  | 'no-manifest'
  | 'invalid-json'
  | 'bom'
  | 'manifest-fields'
  | 'bad-version'
  | 'no-personal-page-location'
  | 'no-script'
  | 'i18n-keys';

export interface FolderProblem {
  code: FolderProblemCode;
  /** Path relative to the widget folder. */
  file: string;
  message: string;
  fix: string;
}
