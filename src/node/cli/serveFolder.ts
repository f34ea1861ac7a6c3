/**
 * Serves a folder (a built Storybook) over HTTP on loopback, as a static host would: optionally
 * under a sub-path (anything outside it is 404) and on a fixed port.
 */
import { createServer } from 'node:http';
import sirv from 'sirv';

export interface ServedFolder {
  /** Ends with '/': the sub-path, or the root. */
  url: string;
  close(): Promise<void>;
}

export function serveFolder(dir: string, options: { subPath?: string; port?: number } = {}): Promise<ServedFolder> {
  const subPath = options.subPath ?? '/';
  // Read per request (the folder may be written after the server starts), but cacheable for ten
  // minutes as static hosts serve a site (GitHub Pages does): a widget script a story switch loads
  // again comes from the browser's cache, as it does for a reviewer of a hosted build.
  const serve = sirv(dir, { dev: true, setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=600') });
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (!req.url?.startsWith(subPath)) return notFound();
    req.url = req.url.slice(subPath.length - 1);
    serve(req, res, notFound);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}${subPath}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
