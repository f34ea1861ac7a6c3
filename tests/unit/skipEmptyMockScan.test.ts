import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { skipEmptyMockScan } from '../../src/build/skipEmptyMockScan';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mock-scan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function preview(name: string, code: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, code);
  return file;
}

function plugins() {
  const buildStart = () => undefined;
  const loader = { name: 'storybook:mock-loader', buildStart, load: () => undefined } as unknown as Plugin;
  const other = { name: 'amo-workbench:other', buildStart } as unknown as Plugin;
  return { loader, other, list: [[loader], other] };
}

describe('skipEmptyMockScan', () => {
  it('drops the mock loader’s scan for a preview that never says sb.mock, and nothing else', () => {
    const { loader, other, list } = plugins();
    // `mock` alone (a variable, msw's words) is not a call of sb.mock.
    expect(skipEmptyMockScan(list, preview('preview.ts', "import { mockLoader } from './x';\nconst mock = 1;\nexport default {};\n"))).toBe(true);
    expect(loader.buildStart).toBeUndefined();
    expect(loader.load).toBeTypeOf('function');
    expect(other.buildStart).toBeTypeOf('function');
  });

  it('keeps the scan when the preview mocks a module, or when there is no preview', () => {
    for (const code of ["import { sb } from 'storybook/test';\nsb.mock('../src/api.ts');\n", "sb\n  .mock(import('./lib'), { spy: true });\n"]) {
      const { loader, list } = plugins();
      expect(skipEmptyMockScan(list, preview('mocks.ts', code))).toBe(false);
      expect(loader.buildStart).toBeTypeOf('function');
    }
    const { loader, list } = plugins();
    expect(skipEmptyMockScan(list, undefined)).toBe(false);
    expect(loader.buildStart).toBeTypeOf('function');
  });
});
