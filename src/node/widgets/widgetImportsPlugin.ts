/**
 * Lets files of widget folders outside the workbench's package (their mocks/handlers) import what
 * the workbench provides: `@amocrm-workbench/mocks` is the workbench's mocks, and a bare id the
 * folder's own project does not install (a folder with no node_modules near it) resolves from the
 * workbench's package. What the project installs (a mock data library, `@mswjs/socket.io-binding`)
 * resolves from the folder, as Vite resolves any source file's import, so Vite pre-bundles it: one
 * resolved from the workbench's package counts as imported from node_modules, which Vite serves as
 * published, and a CommonJS module among its imports then fails in the browser. `msw` is always the
 * page's one MSW, whoever imports it (mswBrowserBundlePlugin.ts).
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
        return (await this.resolve(source, importer, { ...options, skipSelf: true })) ?? this.resolve(source, rootImporter, { ...options, skipSelf: true });
      },
    },
  };
}
