/**
 * Where widget folders are served, relative to the site base. A prefix of its own, so a served
 * folder never shadows a source path Vite must transform (the repo's widgets/ holds modules too).
 */
export const WIDGET_URL_PREFIX = '_workbench/widgets';
export const FIXTURE_URL_PREFIX = '_workbench/fixtures';
export const FOLDER_CHECKS_URL_PREFIX = '_workbench/folder-checks';
