/**
 * (Node) `amo-workbench serve [folder]`: the widget folder over HTTP on this machine, with CORS, for
 * the final check in a live client cabinet: paste the printed `window.AMOCRM.developer.addWidget`
 * line into its console (amoCRM's developer utils). Only what the dev server would serve is served
 * (servedFiles.ts); everything else is 404. Private Network Access preflights from the https cabinet
 * are answered, so Chrome lets the page reach localhost.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { realRoot, resolveServedFile } from '../widgets/servedFiles.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
}

export interface Serving {
  server: Server;
  url: string;
  addWidgetLine: string;
}

export function serveWidget(dir: string, options: ServeOptions = {}): Promise<Serving> {
  // As the dev server does (widgetFilesPlugin.ts): the rule decides, sirv sends what it allows.
  const send = sirv(realRoot(dir) ?? dir, { dev: true, dotfiles: false });
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end("Not found: amo-workbench serve serves the widget folder's own files only.");
  };
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
    if (req.headers['access-control-request-private-network']) res.setHeader('Access-Control-Allow-Private-Network', 'true');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      return res.end();
    }
    const pathname = (req.url ?? '/').split(/[?#]/)[0]!;
    if (!resolveServedFile(dir, pathname.replace(/^\/+/, '')) || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res);
    send(req, res, () => notFound(res));
  });
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject).listen(options.port ?? 3000, host, () => {
      const { port } = server.address() as { port: number };
      const url = `http://${host === '127.0.0.1' || host === '::1' ? 'localhost' : host}:${port}`;
      const addWidgetLine = `window.AMOCRM.developer.addWidget({ script: '${url}/personal_page.js', token: '' })`;
      resolve({ server, url, addWidgetLine });
    });
  });
}

export function describeServe(dir: string, serving: Serving): string[] {
  return [
    `Serving ${path.basename(dir)} at ${serving.url}/ (this machine only; Ctrl+C stops).`,
    'Open your client cabinet in amoCRM, open the browser console and paste:',
    '',
    `  ${serving.addWidgetLine}`,
    '',
    "token: '' tests the front end only; paste a disposable token there to reach your real backend.",
    'A deal switch resets the widget: paste the line again (amoCRM documents it so).',
  ];
}
