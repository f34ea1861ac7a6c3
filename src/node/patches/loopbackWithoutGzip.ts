/**
 * (Node) Storybook's dev server gzips every response (`@polka/compression`, level 1, always on),
 * source maps included: a page load here was ~7.5 MB before compression when this was measured (the
 * 1.4 MB preview runtime with its 2.5 MB map inlined, which depMapsByUrl.ts has since taken out;
 * MSW's 1.1 MB bundle, ...). Over loopback that buys nothing: the
 * server compresses and the browser decompresses, on the same machine's cores, while the first
 * story waits (~90 ms of the server's main thread in a warm start's CPU profile).
 *
 * So a request from this machine loses its Accept-Encoding before Storybook's middleware reads it,
 * and gets its response as any client that asks for no compression does. Requests from other
 * machines (a dev server shared on the network) are compressed as before.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Plugin } from 'vite';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
let warned = false;

/** Servers already hooked: Vite calls configureServer again when it restarts on the same server. */
const hooked = new WeakSet<Server>();

/** Drops Accept-Encoding from a request that comes from this machine. */
export function dropLoopbackAcceptEncoding(request: IncomingMessage): void {
  if (LOOPBACK.has(request.socket.remoteAddress ?? '')) delete request.headers['accept-encoding'];
}

/** `underVitest`: Storybook's Vitest addon runs Vite in middleware mode with Storybook's plugins but no
 * Storybook HTTP server at all; there the patch has nothing to do and nothing to warn about. */
export function loopbackWithoutGzipPlugin({ underVitest = Boolean(process.env.VITEST) }: { underVitest?: boolean } = {}): Plugin {
  return {
    name: 'amo-workbench:loopback-without-gzip',
    apply: 'serve',
    configureServer(server) {
      // Storybook runs Vite in middleware mode and hands it its own HTTP server for HMR: the server
      // whose request handler starts with the compression middleware. Prepended, this listener
      // runs before that handler. (Vitest's browser mode has no such server: nothing to do.)
      const hmr = server.config.server.hmr;
      const http = typeof hmr === 'object' ? (hmr.server as Server | undefined) : undefined;
      if (
        !http &&
        !warned &&
        !underVitest &&
        server.config.server.middlewareMode &&
        (server.config.plugins ?? []).some((plugin) => plugin.name.startsWith('storybook:'))
      ) {
        // Under Storybook, yet no server handed over: its target moved (src/node/patches/patchContracts.test.ts).
        warned = true;
        console.warn(
          "[workbench] patch loopbackWithoutGzip (src/node/patches/loopbackWithoutGzip.ts): Storybook's HTTP server is not Vite's HMR server any more; the patch steps aside (responses are compressed as in a plain Storybook). Update or drop the patch.",
        );
      }
      if (!http || hooked.has(http)) return;
      hooked.add(http);
      http.prependListener('request', dropLoopbackAcceptEncoding);
    },
  };
}
