/**
 * Serves widget folders to the page: in dev (and the Vitest browser run) from disk on every
 * request, with no caching, so an edited personal_page.js shows on the next render; in a static
 * build, copied into the output. Each mount is `<segments>/<path in the folder>` → `<dir>/<path>`.
 * What is served or copied is decided by one rule (servedFiles.ts); anything else under a mount is 404.
 */
import { readFileSync } from 'node:fs';
import sirv from 'sirv';
import type { Plugin } from 'vite';
import { listServedFiles, realRoot, resolveServedFile } from './servedFiles.ts';

export interface FolderMount {
  /** The URL path under the site base, decoded, one segment each: `['_workbench', 'widgets', 'привет']`. */
  segments: string[];
  dir: string;
}

function decodedSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

export function widgetFilesPlugin(mounts: () => readonly FolderMount[]): Plugin {
  return {
    name: 'amo-workbench:widget-files',
    configureServer(server) {
      const servers = new Map<string, ReturnType<typeof sirv>>();
      const serverFor = (rootReal: string) => {
        let serve = servers.get(rootReal);
        if (!serve) {
          serve = sirv(rootReal, { dev: true, dotfiles: false, setHeaders: (r) => r.setHeader('Cache-Control', 'no-store') });
          servers.set(rootReal, serve);
        }
        return serve;
      };
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        const pathname = url.split(/[?#]/)[0]!;
        const raw = pathname.split('/').filter(Boolean);
        const decoded = decodedSegments(pathname);
        const mount = decoded && mounts().find((m) => m.segments.every((segment, i) => decoded[i] === segment));
        if (!mount) return next();
        const rest = raw.slice(mount.segments.length).join('/');
        const rootReal = realRoot(mount.dir);
        if (!rootReal || !resolveServedFile(mount.dir, rest)) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end("Not found: the workbench serves a widget folder's own files only (no dotfiles, node_modules or links out of the folder).");
          return;
        }
        req.url = `/${rest}`;
        serverFor(rootReal)(req, res, () => {
          req.url = url;
          res.statusCode = 404;
          res.end('Not found');
        });
      });
    },
    generateBundle() {
      for (const mount of mounts()) {
        for (const file of listServedFiles(mount.dir)) {
          this.emitFile({ type: 'asset', fileName: [...mount.segments, file.relative].join('/'), source: readFileSync(file.real) });
        }
      }
    },
  };
}
