/**
 * Rewrites, in a module that Vite serves, the static imports of bundled host modules into reads
 * from the host bundle, so the page holds one instance of each:
 *   import { a, b as c } from '../src/x';
 * becomes
 *   import { m3 as __amoHost0 } from 'virtual:amo-workbench/host'; const { a, b: c } = __amoHost0;
 * Imports are rewritten where they stand; they are at the top of every module here, so the
 * bindings are set before any code reads them. Exported `let`s would lose their live binding: the
 * host exports none.
 */
import { parseAst } from 'rolldown/parseAst';

interface Node {
  type: string;
  start: number;
  end: number;
}
interface Identifier extends Node {
  name?: string;
  value?: string;
}
interface Specifier extends Node {
  imported?: Identifier;
  local: Identifier;
  exported?: Identifier;
  importKind?: string;
  exportKind?: string;
}
interface ModuleDeclaration extends Node {
  source?: { value: string } | null;
  specifiers?: Specifier[];
  importKind?: string;
  exportKind?: string;
}

/**
 * @param hostExport the export name of the bundle namespace that `source` (as imported from this
 *   module) stands for, or undefined when it is not a bundled host module.
 * @returns the new code, or undefined when the module imports no bundled host module.
 */
export async function rewriteHostImports(
  code: string,
  id: string,
  bundleId: string,
  hostExport: (source: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const program = parseAst(code, { lang: 'js' }, id) as unknown as { body: ModuleDeclaration[] };
  const edits: { start: number; end: number; text: string }[] = [];
  for (const node of program.body) {
    const source = node.source?.value;
    if (!source || node.importKind === 'type' || node.exportKind === 'type') continue;
    if (node.type !== 'ImportDeclaration' && node.type !== 'ExportNamedDeclaration' && node.type !== 'ExportAllDeclaration') continue;
    const name = await hostExport(source);
    if (!name) continue;
    const local = `__amoHost${edits.length}`;
    const head = `import { ${name} as ${local} } from ${JSON.stringify(bundleId)};`;
    if (node.type === 'ExportAllDeclaration') {
      throw new Error(`${id}: "export * from '${source}'" cannot be served from the host bundle; name the exports instead.`);
    }
    const specifiers = (node.specifiers ?? []).filter((s) => s.importKind !== 'type' && s.exportKind !== 'type');
    const lines = [head];
    if (node.type === 'ImportDeclaration') {
      const named: string[] = [];
      for (const specifier of specifiers) {
        if (specifier.type === 'ImportDefaultSpecifier') lines.push(`const ${specifier.local.name} = ${local}.default;`);
        else if (specifier.type === 'ImportNamespaceSpecifier') lines.push(`const ${specifier.local.name} = ${local};`);
        else named.push(`${key(specifier.imported!)}: ${specifier.local.name}`);
      }
      if (named.length) lines.push(`const { ${named.join(', ')} } = ${local};`);
    } else {
      // export { a, b as c } from '...': the local side is what the bundle exports.
      const named = specifiers.map((s) => `${key(s.local)}: ${exportedName(s.exported!)}`);
      if (named.length) lines.push(`export const { ${named.join(', ')} } = ${local};`);
    }
    // As many line breaks as the statement had: the lines after it keep their numbers.
    const breaks = code.slice(node.start, node.end).split('\n').length - 1;
    edits.push({ start: node.start, end: node.end, text: lines.join(' ') + '\n'.repeat(breaks) });
  }
  if (!edits.length) return undefined;
  let result = code;
  for (const edit of edits.reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

const key = (identifier: Identifier) => (identifier.name !== undefined ? identifier.name : JSON.stringify(identifier.value));

function exportedName(identifier: Identifier): string {
  const name = identifier.name ?? identifier.value ?? '';
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default') {
    throw new Error(`re-exporting "${name}" from a host module is not supported by the dev host bundle`);
  }
  return name;
}
