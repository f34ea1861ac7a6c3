/**
 * (Node) Keeps one widget's broken mocks file to that widget. Its generated story, and the folder
 * list hand-written stories read, import the folder's mocks/handlers; a file that does not parse,
 * imports what cannot be found, throws while it loads (`process.env` in the browser) or has no
 * `handlers` export failed the whole static build (every widget's stories in `amo-workbench test`
 * and `build`) or showed Storybook's error screen in dev. Such a file becomes a `handlers` marker
 * carrying the reason; the story shows it as a `bad-mocks` problem (src/preview/widgetFolderStory.ts)
 * beside a cabinet that runs without the handlers, and the next edit that fixes the file brings
 * them back. Two layers: what can be told before running (syntax, imports, names) by reading the
 * file (mocksProblem), and what only running tells, by the entry the generated files import
 * (`handlers.js?amo-workbench-mocks`), which imports the file dynamically.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { parseAst } from 'rolldown/parseAst';
import { closest, distance } from 'fastest-levenshtein';
import { MOCKS_PROBLEM_KEY } from '../../common/folderProblem.ts';
import { MSW_IMPORT, mswExportNames } from '../vite/mswBrowserBundlePlugin.ts';
import { GUARDED_MOCKS_QUERY, guardedMocksEntry } from './guardedMocks.ts';

/** The id Vite resolves a Node built-in to in a browser build (its `__vite-browser-external` stand-in). */
const BROWSER_EXTERNAL = '__vite-browser-external';

/** What a widget folder's mocks may be written in, and how each is parsed. */
const LANGS: Record<string, 'js' | 'jsx' | 'ts' | 'tsx'> = {
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
};

interface Resolver {
  resolve(source: string, importer: string): Promise<{ id: string; external?: boolean | 'absolute' | 'relative' } | null>;
  /** The names an import that is not a file of the project exports (`msw`, whichever way it is served), when known. */
  exportsOf?(source: string): readonly string[] | undefined;
  /**
   * The build's module of a file no rule here reads (a `.csv` fixture without `?raw`): why it could
   * not make one, or the names it exports when the bundler tells them (a build; not the dev server).
   */
  loaded?(id: string): Promise<{ error: unknown } | { exports?: readonly string[] }>;
}

/** `mocks`: each widget's mocks file and its widget folder (their real paths too, as Vite resolves links). */
export function mocksGuardPlugin(mocks: () => ReadonlyMap<string, string>, workbenchSources?: string): Plugin {
  return {
    name: 'amo-workbench:mocks-guard',
    // Before Vite's own transforms: a TypeScript file that does not parse would fail there first.
    enforce: 'pre',
    load: {
      filter: { id: new RegExp(`\\?${GUARDED_MOCKS_QUERY}$`) },
      handler(id) {
        const file = path.resolve(id.slice(0, id.indexOf('?')));
        const folder = mocks().get(file);
        // Not a widget folder's mocks file (any more): the plain module, as an import without the query would give.
        const shown = folder === undefined ? path.basename(file) : path.relative(folder, file).split(path.sep).join('/');
        return { code: guardedMocksEntry(`./${path.basename(file)}`, shown), map: null };
      },
    },
    transform: {
      // Only a folder's mocks/handlers.* reaches the hook, not every module of the build.
      filter: { id: /[\\/]mocks[\\/]handlers\.[cm]?[jt]s(\?|$)/ },
      async handler(code, id) {
        // The guarded entry is the workbench's own code (load above), not the developer's file.
        if (id.endsWith(`?${GUARDED_MOCKS_QUERY}`)) return null;
        const file = path.resolve(id.split('?')[0]!);
        const folder = mocks().get(file);
        if (folder === undefined) return null;
        const resolver: Resolver = {
          resolve: (source, importer) => this.resolve(source, importer, { skipSelf: true }),
          exportsOf: (source) => (MSW_IMPORT.test(source) ? mswExportNames() : undefined),
          // The build's own answer, with the project's plugins (one for CSV files, say).
          loaded: async (id) => {
            let info: unknown;
            try {
              info = await this.load({ id });
            } catch (error) {
              return { error };
            }
            return { exports: exportsOf(info) };
          },
        };
        const problem = await mocksProblem(code, file, folder, resolver, workbenchSources);
        if (!problem) return null;
        this.warn(problem);
        return { code: `export const handlers = { ${MOCKS_PROBLEM_KEY}: ${JSON.stringify(problem)} };\n`, map: null };
      },
    },
  };
}

/**
 * The names a module `this.load` gave exports, when the bundler tells them: rolldown does in a
 * build; Vite's dev server does not (it throws on the question). None for CommonJS, whose names
 * interop may all provide.
 */
function exportsOf(info: unknown): readonly string[] | undefined {
  try {
    const { inputFormat, exports } = info as { inputFormat?: string; exports?: unknown };
    return inputFormat !== 'cjs' && Array.isArray(exports) ? (exports as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the mocks file cannot be built, if it cannot: a syntax error, an import that does not
 * resolve, a JSON file that does not parse, or a name the imported module does not export (when its
 * exports are all spelled out), in it or in a file it imports (followed down; not into packages, nor
 * into `skipUnder`, the workbench's own code).
 */
export async function mocksProblem(code: string, file: string, folder: string, resolver: Resolver, skipUnder?: string): Promise<string | undefined> {
  const seen = new Set<string>();
  // Each file parsed once: a helper is read for its exports, then followed.
  const parsed = new Map<string, Parsed>();
  const parse = (text: string, current: string): Parsed => {
    let result = parsed.get(current);
    if (!result) {
      try {
        result = { program: parseAst(text, { lang: LANGS[path.extname(current)] ?? 'js' }, current) };
      } catch (error) {
        result = { error };
      }
      parsed.set(current, result);
    }
    return result;
  };
  const shownPath = (target: string) => path.relative(folder, target).split(path.sep).join('/');
  const visit = async (text: string, current: string): Promise<string | undefined> => {
    seen.add(current);
    const shown = shownPath(current);
    const result = parse(text, current);
    if ('error' in result) {
      const { error } = result;
      const { loc, message } = error as { loc?: { line: number; column: number }; message?: string };
      const cause = String(message ?? error).split('\n')[1] ?? String(message ?? error);
      return `${shown} does not parse: ${cause}${loc ? ` (line ${loc.line}, column ${loc.column + 1})` : ''}; the story runs without the folder's handlers.`;
    }
    for (const { source, names } of moduleImports(result.program)) {
      // `node:` names a built-in whatever is installed; resolving it would only add Vite's own warning.
      const resolved = source.startsWith('node:') ? { id: `${BROWSER_EXTERNAL}:${source}` } : await resolver.resolve(source, current);
      if (!resolved) {
        return /^[./]/.test(source)
          ? `${shown} imports "${source}", which is not there; the story runs without the folder's handlers.`
          : `${shown} imports "${source}", which is not installed; the story runs without the folder's handlers. Install it in your project (npm i -D ${packageOf(source)}).`;
      }
      // Vite serves a Node built-in as an empty stand-in in the browser: fs.readFileSync would throw "is not a function".
      if (resolved.id.startsWith(BROWSER_EXTERNAL))
        return `${shown} imports "${source}", a Node built-in the browser does not have (mocks run in the page, beside the widget); the story runs without the folder's handlers. Import fixtures instead: import data from './data.json'.`;
      const known = resolver.exportsOf?.(source);
      const unknownName = known ? names.find((name) => !known.includes(name)) : undefined;
      if (unknownName !== undefined)
        return `${shown} imports ${nameWithHint(unknownName, known!)} from "${source}", which does not export it; the story runs without the folder's handlers.`;
      if (known) continue;
      const target = path.resolve(resolved.id.split('?')[0]!);
      if (!resolved.external && path.extname(target) === '.json' && !resolved.id.includes('?')) {
        const problem = jsonProblem(target, shownPath(target));
        if (problem) return problem;
        continue;
      }
      if (resolved.external || resolved.id.startsWith('\0')) continue;
      const script = path.extname(target) in LANGS;
      // A file no rule here reads, imported with a query (?raw, ?url): Vite's own plugin reads it.
      if (!script && resolved.id.includes('?')) continue;
      let targetCode: string;
      try {
        targetCode = readFileSync(target, 'utf8');
      } catch {
        continue;
      }
      // Parsed as JavaScript when its extension is none of LANGS, as a bundler without a plugin for it reads it.
      const targetParsed = parse(targetCode, target);
      if (!script) {
        // Only a file whose text parses as JavaScript is loaded to ask: a bundler's failure to parse
        // one fails the whole build even when the question is caught (that build reports it itself).
        const module = 'program' in targetParsed ? await resolver.loaded?.(resolved.id) : undefined;
        if (module && 'error' in module) return unreadableProblem(shown, source, `cannot read as a module (${firstLine(module.error)})`);
        const missing = module?.exports && names.find((name) => !module.exports!.includes(name));
        if (missing) return unreadableProblem(shown, source, `reads as a module without "${missing}", the name taken from it`);
        continue;
      }
      const missing = names.length && 'program' in targetParsed ? missingNames(names, targetParsed.program) : undefined;
      if (missing) return `${shown} imports ${missing} from "${source}", which does not export it; the story runs without the folder's handlers.`;
      // A helper is followed, in the widget folder or beside it (a repository's shared mocks);
      // packages, and the workbench's own helpers, are theirs to get right.
      if (seen.has(target) || target.split(path.sep).includes('node_modules') || (skipUnder !== undefined && target.startsWith(skipUnder + path.sep))) continue;
      const problem = await visit(targetCode, target);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(code, file);
}

type Program = ReturnType<typeof parseAst>;
/** A file's syntax tree, or why it does not parse. */
type Parsed = { program: Program } | { error: unknown };

/** A JSON file the mocks import (fixtures) that Vite's JSON plugin would refuse; `shown`: its path for the message. */
function jsonProblem(file: string, shown: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return `${shown} is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ').trim()}); the story runs without the folder's handlers.`;
  }
}

/**
 * A file the mocks import that the build cannot make the module they want of: a fixture in a format
 * no plugin reads is parsed as JavaScript (CSV often parses, and has no default export).
 */
function unreadableProblem(shown: string, source: string, what: string): string {
  const extension = path.extname(source);
  return `${shown} imports "${source}", which the build ${what}${extension ? `: no plugin of this Storybook reads ${extension} files` : ''}; the story runs without the folder's handlers. Import its text instead: import text from '${source}?raw'.`;
}

function firstLine(error: unknown): string {
  const text = String((error as { message?: string } | null)?.message ?? error);
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? text
  );
}

interface ModuleImport {
  source: string;
  /** The names taken from it by name (`default` for a default import); type-only ones are erased. */
  names: string[];
}

/** The modules a file imports (statically, or dynamically by a literal), and the names it takes from each by name. */
function moduleImports(program: Program): ModuleImport[] {
  const imports: ModuleImport[] = [];
  for (const node of program.body) {
    if (node.type === 'ImportDeclaration' && node.importKind !== 'type') {
      const names = node.specifiers.flatMap((spec) =>
        spec.type === 'ImportDefaultSpecifier' ? ['default'] : spec.type === 'ImportSpecifier' && spec.importKind !== 'type' ? [nameOf(spec.imported)] : [],
      );
      imports.push({ source: node.source.value, names });
    } else if (node.type === 'ExportNamedDeclaration' && node.source && node.exportKind !== 'type') {
      imports.push({ source: node.source.value, names: node.specifiers.filter((spec) => spec.exportKind !== 'type').map((spec) => nameOf(spec.local)) });
    } else if (node.type === 'ExportAllDeclaration' && node.exportKind !== 'type') {
      imports.push({ source: node.source.value, names: [] });
    }
  }
  for (const source of dynamicImportSources(program.body)) imports.push({ source, names: [] });
  return imports;
}

/** Every `import('./literal')` in the file, however deep: the build compiles its target as it does a static import's. */
function dynamicImportSources(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) dynamicImportSources(item, found);
  } else if (node !== null && typeof node === 'object') {
    const { type, source } = node as { type?: string; source?: { type?: string; value?: unknown } };
    if (type === 'ImportExpression' && source?.type === 'Literal' && typeof source.value === 'string') found.push(source.value);
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') dynamicImportSources(value, found);
  }
  return found;
}

/** The first of `names` the module does not export, with the closest one it does; undefined when all are there or its exports are not all known. */
function missingNames(names: readonly string[], program: Program): string | undefined {
  const exported = exportedNames(program);
  if (!exported) return undefined;
  const missing = names.find((name) => !exported.has(name));
  return missing === undefined ? undefined : nameWithHint(missing, [...exported]);
}

/** `"withTokn" (did you mean "withToken"?)`, when one of `names` is that close. */
function nameWithHint(name: string, names: readonly string[]): string {
  const near = names.length ? closest(name, [...names]) : undefined;
  return `"${name}"${near && distance(name, near) <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean "${near}"?)` : ''}`;
}

/** Every name an ES module exports, types included; undefined when they cannot all be read (export *, CommonJS). */
function exportedNames(program: Program): Set<string> | undefined {
  const names = new Set<string>();
  let esm = false;
  for (const node of program.body) {
    if (node.type === 'ExportDefaultDeclaration') {
      esm = true;
      names.add('default');
    } else if (node.type === 'ExportAllDeclaration') {
      if (!node.exported) return undefined;
      esm = true;
      names.add(nameOf(node.exported));
    } else if (node.type === 'ExportNamedDeclaration') {
      esm = true;
      for (const spec of node.specifiers) names.add(nameOf(spec.exported));
      const declaration = node.declaration;
      if (!declaration) continue;
      if (declaration.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type !== 'Identifier') return undefined; // a destructured export: not read here
          names.add(declarator.id.name);
        }
      } else if ('id' in declaration && declaration.id && 'name' in declaration.id) {
        names.add(declaration.id.name);
      } else {
        return undefined;
      }
    } else if (node.type === 'ImportDeclaration') {
      esm = true;
    } else if (node.type === 'TSExportAssignment') {
      return undefined;
    }
  }
  return esm ? names : undefined;
}

function nameOf(node: { type: string; name?: string; value?: unknown }): string {
  return node.type === 'Identifier' ? node.name! : String(node.value);
}

/** `@scope/name` or `name` of a bare import. */
function packageOf(source: string): string {
  return source
    .split('/')
    .slice(0, source.startsWith('@') ? 2 : 1)
    .join('/');
}
