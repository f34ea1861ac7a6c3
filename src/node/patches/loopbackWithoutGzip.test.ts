import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import type { Plugin } from 'vite';
import { dropLoopbackAcceptEncoding, loopbackWithoutGzipPlugin } from './loopbackWithoutGzip';

const fakeRequest = (remoteAddress: string) => ({ socket: { remoteAddress }, headers: { 'accept-encoding': 'gzip, br' } }) as unknown as IncomingMessage;

describe('loopbackWithoutGzip', () => {
  it('drops Accept-Encoding from requests of this machine only', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const req = fakeRequest(address);
      dropLoopbackAcceptEncoding(req);
      expect(req.headers['accept-encoding']).toBeUndefined();
    }
    const remote = fakeRequest('192.168.1.20');
    dropLoopbackAcceptEncoding(remote);
    expect(remote.headers['accept-encoding']).toBe('gzip, br');
  });

  it("runs before the handler Storybook's server already has (where its gzip middleware reads the header)", async () => {
    const seen: (string | undefined)[] = [];
    // Storybook's app: the server's first request listener, compression first in its chain.
    const http = createServer((req, res) => {
      seen.push(req.headers['accept-encoding']);
      res.end('ok');
    });
    const plugin = loopbackWithoutGzipPlugin() as Plugin & { configureServer: (server: unknown) => void };
    plugin.configureServer({ config: { server: { hmr: { server: http } } } });
    // Vite restarting on the same server hooks it once.
    (loopbackWithoutGzipPlugin() as Plugin & { configureServer: (server: unknown) => void }).configureServer({ config: { server: { hmr: { server: http } } } });
    expect(http.listeners('request')).toHaveLength(2);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      request({ host: '127.0.0.1', port, headers: { 'accept-encoding': 'gzip' } }, (res) => res.resume().on('end', resolve))
        .on('error', reject)
        .end();
    });
    await new Promise<void>((resolve) => http.close(() => resolve()));
    expect(seen).toEqual([undefined]);
  });

  it('does nothing where Vite has no HTTP server of Storybook (Vitest browser mode)', () => {
    const plugin = loopbackWithoutGzipPlugin() as Plugin & { configureServer: (server: unknown) => void };
    expect(() => plugin.configureServer({ config: { server: { hmr: false } } })).not.toThrow();
  });

  it('warns once, naming itself, under Storybook with no HTTP server handed to Vite (its target moved)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storybookServer = { config: { server: { middlewareMode: true, hmr: { port: 6006 } }, plugins: [{ name: 'storybook:config-plugin' }] } };
    // Storybook's Vitest addon has no Storybook server to hand over: no warning there.
    (loopbackWithoutGzipPlugin({ underVitest: true }) as Plugin & { configureServer: (server: unknown) => void }).configureServer(storybookServer);
    expect(warn).not.toHaveBeenCalled();
    const plugin = loopbackWithoutGzipPlugin({ underVitest: false }) as Plugin & { configureServer: (server: unknown) => void };
    plugin.configureServer(storybookServer);
    plugin.configureServer(storybookServer);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[workbench\] patch loopbackWithoutGzip .*steps aside/);
    warn.mockRestore();
  });
});
