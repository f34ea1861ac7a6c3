/** `amo-workbench serve`: the widget's own files with CORS for a live cabinet, everything else 404. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWidget, type Serving } from './serve';
import { SECRET, writeHostileFolders } from '../../../tests/support/hostileFolders';

let work: string;
let serving: Serving;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'wb-serve-'));
  const { widgetsDir } = writeHostileFolders(work);
  serving = await serveWidget(path.join(widgetsDir, 'dotfiles'), { port: 0 });
});
afterAll(async () => {
  await new Promise((resolve) => serving.server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe('amo-workbench serve', () => {
  it('serves personal_page.js with CORS and prints the addWidget line', async () => {
    const response = await fetch(`${serving.url}/personal_page.js`, { headers: { Origin: 'https://example.amocrm.ru' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://example.amocrm.ru');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toContain('define(');
    expect(serving.addWidgetLine).toBe(`window.AMOCRM.developer.addWidget({ script: '${serving.url}/personal_page.js', token: '' })`);
  });

  it('answers a private-network preflight', async () => {
    const response = await fetch(`${serving.url}/personal_page.js`, {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Private-Network': 'true', Origin: 'https://example.amocrm.ru' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
  });

  it.each(['.env', '.git/config', 'node_modules/pkg/index.js', 'linked-private.txt', '%2e%2e/%2e%2e/outside/private.txt'])('404: %s', async (file) => {
    const response = await fetch(`${serving.url}/${file}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });
});
