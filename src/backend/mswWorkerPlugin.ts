/**
 * Serves MSW's `mockServiceWorker.js` from the installed `msw` package at the site root (dev and
 * the Vitest run) and writes it into every static build, so no `msw init` step is needed after
 * `npm ci` and the worker always matches the installed library.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

export const WORKER_FILE = 'mockServiceWorker.js';

export function mswWorkerPlugin(): Plugin {
  const workerPath = createRequire(import.meta.url).resolve(`msw/${WORKER_FILE}`);
  return {
    name: 'amo-workbench:msw-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `/${WORKER_FILE}`) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Cache-Control', 'no-store');
        res.end(readFileSync(workerPath));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: readFileSync(workerPath) });
    },
  };
}
