import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Plugin } from 'vite';
import { skipUnusedMocking } from './skipUnusedMocking';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mocking-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const previewFile = path.join(tmp, 'preview.ts');

const NO_MOCKS = "import { mockLoader } from './x';\nconst mock = 1;\nexport default {};\n";

/** Storybook's three mocking plugins as builder-vite makes them, plus one that is not theirs. */
function plugins() {
  const scan = vi.fn();
  const emitRuntime = vi.fn();
  const injectScript = vi.fn((html: string) => html.replace('<head>', '<head><script type="module" src="/vite-inject-mocker-entry.js"></script>'));
  const rewrite = vi.fn((code: string) => ({ code: `/* rewritten */${code}` }));
  const otherStart = vi.fn();
  const previewRewrite = { name: 'storybook:mock-loader-preview', transform: { filter: { id: previewFile }, handler: rewrite } } as unknown as Plugin;
  const loader = { name: 'storybook:mock-loader', buildStart: scan, load: { filter: {}, handler: () => undefined } } as unknown as Plugin;
  const runtime = { name: 'vite:storybook-inject-mocker-runtime', buildStart: emitRuntime, transformIndexHtml: injectScript } as unknown as Plugin;
  const other = { name: 'amo-workbench:other', buildStart: otherStart } as unknown as Plugin;
  const run = (plugin: Plugin, hook: 'buildStart' | 'transformIndexHtml', ...args: unknown[]) => (plugin[hook] as (...a: unknown[]) => unknown)(...args);
  const transformPreview = (code: string) => (previewRewrite.transform as { handler: (code: string, id: string) => unknown }).handler(code, previewFile);
  return {
    list: [[loader, previewRewrite, runtime], other],
    loader,
    runtime,
    other,
    previewRewrite,
    scan,
    emitRuntime,
    injectScript,
    rewrite,
    otherStart,
    run,
    transformPreview,
  };
}

describe('skipUnusedMocking', () => {
  it('leaves out the sb.mock scan and the mocker runtime while the preview mocks nothing', () => {
    writeFileSync(previewFile, NO_MOCKS);
    const p = plugins();
    expect(skipUnusedMocking(p.list, previewFile)).toEqual([
      'storybook:mock-loader:buildStart',
      'storybook:mock-loader-preview:transform',
      'vite:storybook-inject-mocker-runtime:buildStart',
      'vite:storybook-inject-mocker-runtime:transformIndexHtml',
    ]);
    p.run(p.loader, 'buildStart');
    p.run(p.runtime, 'buildStart');
    // `mock` alone (a variable, msw's words) is not sb.mock: the page gets no mocker script.
    expect(p.run(p.runtime, 'transformIndexHtml', '<html><head></head></html>')).toBeUndefined();
    // The preview is served as it is (no Babel round trip), and the hook keeps its id filter.
    expect(p.transformPreview(NO_MOCKS)).toBeUndefined();
    expect((p.previewRewrite.transform as { filter: unknown }).filter).toEqual({ id: previewFile });
    p.run(p.other, 'buildStart');
    expect([p.scan, p.emitRuntime, p.injectScript, p.rewrite].map((hook) => hook.mock.calls.length)).toEqual([0, 0, 0, 0]);
    expect(p.otherStart).toHaveBeenCalledOnce();
  });

  it('runs them as before once the preview calls sb.mock, read again at each use', () => {
    writeFileSync(previewFile, NO_MOCKS);
    const p = plugins();
    skipUnusedMocking(p.list, previewFile);
    for (const code of ["import { sb } from 'storybook/test';\nsb.mock('../src/api.ts');\n", "sb\n  .mock(import('./lib'), { spy: true });\n"]) {
      writeFileSync(previewFile, code);
      p.run(p.loader, 'buildStart');
      p.run(p.runtime, 'buildStart');
      expect(p.run(p.runtime, 'transformIndexHtml', '<html><head></head></html>')).toContain('vite-inject-mocker-entry.js');
      expect(p.transformPreview(code)).toEqual({ code: `/* rewritten */${code}` });
    }
    expect([p.scan, p.emitRuntime, p.injectScript, p.rewrite].map((hook) => hook.mock.calls.length)).toEqual([2, 2, 2, 2]);
  });

  it('changes nothing for a project without a preview file', () => {
    const p = plugins();
    expect(skipUnusedMocking(p.list, undefined)).toEqual([]);
    expect(p.loader.buildStart).toBe(p.scan);
  });
});
