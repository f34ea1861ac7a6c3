/**
 * Lets files of widget folders outside the repository (their mocks/handlers) import what the
 * workbench provides: bare ids such as `msw` resolve to the workbench's own copy (one MSW, the one
 * whose worker runs), and `@amocrm-workbench/mocks` to this repository's mocks/.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

export const MOCKS_IMPORT_ID = '@amocrm-workbench/mocks';
/** The same helpers by the package's name (`import ... from 'amo-workbench/mocks'`). */
export const PACKAGE_MOCKS_ID = 'amo-workbench/mocks';
/** The file `@amocrm-workbench/mocks` stands for, relative to the repository. */
export const MOCKS_ENTRY = 'src/host/backend/mocks/index.ts';
/** What hand-written stories import as `amo-workbench/story`, and the module of it that reads the widget folders. */
export const STORY_API_FILES = ['src/preview/storyApi.ts', 'src/preview/folderParameters.ts'];

export function widgetImportsPlugin(root: string, externalDirs: () => readonly string[]): Plugin {
  const rootImporter = path.join(root, 'package.json');
  // A widget folder's own files; not the packages installed under it (the project root is often the
  // widget folder), whose imports resolve as their own package.json says (its browser mappings too).
  const isExternal = (file: string) =>
    !file.startsWith(root + path.sep) && !file.split(/[\\/]/).includes('node_modules') && externalDirs().some((dir) => file.startsWith(dir + path.sep));
  return {
    name: 'amo-workbench:widget-imports',
    enforce: 'pre',
    resolveId: {
      // Only bare ids (no ./, ../, / or \0 prefix) can need it; the filter keeps every other
      // import of the build (e.g. the relative imports inside React DOM or MSW) out of this JS hook.
      filter: { id: /^(?![./\0])/ },
      async handler(source, importer, options) {
        if (source === MOCKS_IMPORT_ID || source === PACKAGE_MOCKS_ID) return path.join(root, MOCKS_ENTRY);
        if (!importer || !isExternal(importer.split('?')[0]!) || path.isAbsolute(source)) return null;
        return this.resolve(source, rootImporter, { ...options, skipSelf: true });
      },
    },
  };
}
