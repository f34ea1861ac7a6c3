/**
 * Bundles the host emulator's browser modules (src/) into one ES module with rolldown (the bundler
 * inside Vite 8). Each entry's namespace is exported under its own name (`m0`, `m1`, ...); whatever
 * a bundled module imports from outside the bundle (packages, mocks/, CSS, images, `?raw`) stays an
 * import for Vite to serve, so those keep one instance shared with the rest of the page.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export interface HostBundle {
  code: string;
  map: string | undefined;
  /** Every file the bundle was built from: a change to one of them rebuilds it. */
  files: Set<string>;
}

export interface BundleHostOptions {
  /** Vite's root: imports left outside the bundle become root-relative URLs. */
  root: string;
  /** Absolute file -> export name of its namespace. */
  entries: ReadonlyMap<string, string>;
  /** Vite's `define` (e.g. the client secret, the visual modes), applied as Vite would. */
  define: Record<string, string>;
  /** Whether a file belongs in the bundle (otherwise Vite serves it). */
  isBundled(file: string): boolean;
}

const ENTRY = '\0amo-workbench-host-entry';
// rolldown rewrites an absolute external id into a path relative to the output; URLs for Vite are
// marked so it leaves them alone, and unmarked after.
const SERVED = 'amo-served:';

export async function bundleHost({ root, entries, define, isBundled }: BundleHostOptions): Promise<HostBundle> {
  // Loaded here, not with the config: `storybook build` loads main.ts but never bundles the host.
  const { rolldown } = await import('rolldown');
  // Every file the bundle reads, as resolved: rolldown's own list of a chunk's modules leaves out
  // one whose code was inlined elsewhere (a module of constants), whose edits must still rebuild.
  const files = new Set<string>(entries.keys());
  const build = await rolldown({
    input: ENTRY,
    platform: 'browser',
    logLevel: 'silent',
    transform: { define },
    plugins: [
      {
        name: 'amo-workbench:host-entry',
        resolveId(source, importer) {
          if (source === ENTRY) return ENTRY;
          if (!importer) return null;
          if (!/^[./]/.test(source)) return { id: source, external: true };
          const { file, query } = resolveRelativeImport(source, importer);
          if (!query && isBundled(file)) {
            files.add(file);
            return file;
          }
          return { id: `${SERVED}${toServedUrl(root, file)}${query ? `?${query}` : ''}`, external: true };
        },
        load(id) {
          if (id !== ENTRY) return null;
          return [...entries].map(([file, name]) => `export * as ${name} from ${JSON.stringify(file)};`).join('\n');
        },
      },
    ],
  });
  try {
    const { output } = await build.generate({
      format: 'es',
      sourcemap: true,
      // Each source as the URL the dev server serves it at, wherever the map itself is served.
      sourcemapPathTransform: (source, mapPath) => toServedUrl(root, path.resolve(path.dirname(mapPath), source)),
    });
    const chunk = output.find((item) => item.type === 'chunk' && item.isEntry);
    if (!chunk || chunk.type !== 'chunk') throw new Error('rolldown produced no entry chunk for the host bundle');
    // rolldown names a map file it never writes: the plugin serves the map and names its URL.
    const code = chunk.code.replaceAll(`"${SERVED}`, '"').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    return { code, map: chunk.map?.toString(), files };
  } finally {
    await build.close();
  }
}

/** The file a path import (`./x`, `../x.ts?raw`) of `importer` means, and its query (a query means Vite serves it). */
export function resolveRelativeImport(source: string, importer: string): { file: string; query: string } {
  const [request, query = ''] = source.split('?');
  return { file: resolveSourceFile(path.resolve(path.dirname(importer), request!)), query };
}

/** The file an extensionless import means, as TypeScript resolves it in this project. */
export function resolveSourceFile(request: string): string {
  for (const candidate of [request, `${request}.ts`, path.join(request, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return request;
}

/** The URL under which Vite's dev server serves a file. */
export function toServedUrl(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? `/@fs${file}` : `/${relative.split(path.sep).join('/')}`;
}
