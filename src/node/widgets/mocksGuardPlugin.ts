/**
 * (Node) Keeps one widget's broken mocks file to that widget. Its generated story imports the
 * folder's mocks/handlers statically; a file that does not parse, or that imports what cannot be
 * found, failed the whole static build (every widget's stories in `amo-workbench test` and `build`)
 * and showed Storybook's error screen in dev. Such a file (or a helper it imports from its widget
 * folder) is served as a module whose `handlers` is a marker carrying the reason; the story shows
 * it as a `bad-mocks` problem (src/preview/widgetFolderStory.ts) beside a cabinet that runs without
 * the handlers, and the next edit that fixes the file brings them back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { parseAst } from 'rolldown/parseAst';
import { MOCKS_PROBLEM_KEY } from '../../common/folderProblem.ts';

/** What a widget folder's mocks may be written in, and how each is parsed. */
const LANGS: Record<string, 'js' | 'jsx' | 'ts' | 'tsx'> = { '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx' };

interface Resolver {
  resolve(source: string, importer: string): Promise<{ id: string; external?: boolean | 'absolute' | 'relative' } | null>;
}

/** `mocks`: each widget's mocks file and its widget folder (their real paths too, as Vite resolves links). */
export function mocksGuardPlugin(mocks: () => ReadonlyMap<string, string>): Plugin {
  return {
    name: 'amo-workbench:mocks-guard',
    // Before Vite's own transforms: a TypeScript file that does not parse would fail there first.
    enforce: 'pre',
    transform: {
      // Only a folder's mocks/handlers.* reaches the hook, not every module of the build.
      filter: { id: /[\\/]mocks[\\/]handlers\.[cm]?[jt]s(\?|$)/ },
      async handler(code, id) {
        const file = path.resolve(id.split('?')[0]!);
        const folder = mocks().get(file);
        if (folder === undefined) return null;
        const problem = await mocksProblem(code, file, folder, { resolve: (source, importer) => this.resolve(source, importer, { skipSelf: true }) });
        if (!problem) return null;
        this.warn(problem);
        return { code: `export const handlers = { ${MOCKS_PROBLEM_KEY}: ${JSON.stringify(problem)} };\n`, map: null };
      },
    },
  };
}

/**
 * Why the mocks file cannot be built, if it cannot: a syntax error, or an import that does not
 * resolve, in it or in a file of its widget folder that it imports (followed down).
 */
export async function mocksProblem(code: string, file: string, folder: string, resolver: Resolver): Promise<string | undefined> {
  const seen = new Set<string>();
  const visit = async (text: string, current: string): Promise<string | undefined> => {
    seen.add(current);
    const shown = path.relative(folder, current).split(path.sep).join('/');
    let sources: string[];
    try {
      sources = importSources(text, current);
    } catch (error) {
      const { loc, message } = error as { loc?: { line: number; column: number }; message?: string };
      const cause = String(message ?? error).split('\n')[1] ?? String(message ?? error);
      return `${shown} does not parse: ${cause}${loc ? ` (line ${loc.line}, column ${loc.column + 1})` : ''}; the story runs without the folder's handlers.`;
    }
    for (const source of sources) {
      const resolved = await resolver.resolve(source, current);
      if (!resolved) {
        return /^[./]/.test(source)
          ? `${shown} imports "${source}", which is not there; the story runs without the folder's handlers.`
          : `${shown} imports "${source}", which is not installed; the story runs without the folder's handlers. Install it in your project (npm i -D ${packageOf(source)}).`;
      }
      const target = path.resolve(resolved.id.split('?')[0]!);
      // A helper of the same folder is followed; packages are theirs to get right.
      if (resolved.external || seen.has(target) || !target.startsWith(folder + path.sep) || target.split(path.sep).includes('node_modules')) continue;
      if (!(path.extname(target) in LANGS)) continue;
      let helper: string;
      try {
        helper = readFileSync(target, 'utf8');
      } catch {
        continue;
      }
      const problem = await visit(helper, target);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(code, file);
}

/** The modules a file imports statically (type-only imports are erased, so never resolved). */
function importSources(code: string, file: string): string[] {
  const program = parseAst(code, { lang: LANGS[path.extname(file)] ?? 'js' }, file);
  const sources: string[] = [];
  for (const node of program.body) {
    if (node.type === 'ImportDeclaration' && node.importKind !== 'type') sources.push(node.source.value);
    else if ((node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source && node.exportKind !== 'type') sources.push(node.source.value);
  }
  return sources;
}

/** `@scope/name` or `name` of a bare import. */
function packageOf(source: string): string {
  return source
    .split('/')
    .slice(0, source.startsWith('@') ? 2 : 1)
    .join('/');
}
