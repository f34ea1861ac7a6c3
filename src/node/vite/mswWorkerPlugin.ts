/**
 * Serves MSW's `mockServiceWorker.js` from the installed `msw` package at the site root (dev and
 * the Vitest run) and writes it into every static build, so no `msw init` step is needed after
 * `npm ci` and the worker always matches the installed library.
 *
 * One listener goes before MSW's own (WORKBENCH_BYPASS): the page loading its own files (scripts,
 * styles, fonts, images from the Storybook server: the widget's `personal_page.js`, the host
 * libraries, the cabinet's fonts) goes straight to the network. MSW's worker would otherwise stop
 * each of them, ask the page whether a handler answers it and wait for "passthrough", then send the
 * page a copy of the response: two messages through the page's main thread, busy rendering the
 * cabinet at that moment, for every file of the widget's load chain (~25 ms a request here, in
 * series: personal_page.js, then its host modules, then their chunks). The real host has no worker
 * at all. What a widget fetches (`fetch`, XHR: an empty `destination`) and anything from another
 * origin still reach MSW, so scenarios, mocks and the unhandled-request report are unchanged.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

export const WORKER_FILE = 'mockServiceWorker.js';

/** Registered first: `stopImmediatePropagation` keeps MSW's listener from seeing the request. */
export const WORKBENCH_BYPASS = `// amo-workbench: the page's own files go straight to the network (src/node/vite/mswWorkerPlugin.ts).
addEventListener('fetch', function (event) {
  if (event.request.destination !== '' && new URL(event.request.url).origin === self.location.origin) {
    event.stopImmediatePropagation()
  }
})
`;

export function workerSource(mswWorker: string): string {
  return `${WORKBENCH_BYPASS}\n${mswWorker}`;
}

export function mswWorkerPlugin(): Plugin {
  const workerPath = createRequire(import.meta.url).resolve(`msw/${WORKER_FILE}`);
  const source = () => workerSource(readFileSync(workerPath, 'utf8'));
  return {
    name: 'amo-workbench:msw-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `/${WORKER_FILE}`) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Cache-Control', 'no-store');
        res.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: source() });
    },
  };
}
