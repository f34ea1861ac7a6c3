/**
 * Serves widget folders to the page: in dev (and the Vitest browser run) from disk on every
 * request, with no caching, so an edited personal_page.js shows on the next render; in a static
 * build, copied into the output. Each mount is `<urlPrefix>/<relative path>` → `<dir>/<relative path>`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import type { Plugin } from 'vite';

export interface FolderMount {
  /** URL path under the site base, without leading or trailing slash, e.g. `_workbench/widgets/hello-world`. */
  urlPrefix: string;
  dir: string;
}

const SKIP = new Set(['node_modules', '.git']);

export function widgetFilesPlugin(mounts: () => readonly FolderMount[]): Plugin {
  return {
    name: 'amo-workbench:widget-files',
    configureServer(server) {
      const servers = new Map<string, ReturnType<typeof sirv>>();
      const serverFor = (dir: string) => {
        let serve = servers.get(dir);
        if (!serve) {
          serve = sirv(dir, { dev: true, dotfiles: false, setHeaders: (r) => r.setHeader('Cache-Control', 'no-store') });
          servers.set(dir, serve);
        }
        return serve;
      };
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        const mount = mounts().find((m) => url.startsWith(`/${m.urlPrefix}/`));
        if (!mount) return next();
        const serve = serverFor(mount.dir);
        req.url = url.slice(mount.urlPrefix.length + 1);
        serve(req, res, () => {
          req.url = url;
          next();
        });
      });
    },
    generateBundle() {
      for (const mount of mounts().filter((m) => existsSync(m.dir))) {
        for (const file of listFiles(mount.dir)) {
          this.emitFile({
            type: 'asset',
            fileName: `${mount.urlPrefix}/${path.relative(mount.dir, file).split(path.sep).join('/')}`,
            source: readFileSync(file),
          });
        }
      }
    },
  };
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (statSync(full).isFile()) files.push(full);
  }
  return files;
}
