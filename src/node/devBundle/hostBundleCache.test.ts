import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UNUSED_BUNDLE_MS, hostBundleCache } from './hostBundleCache';

const dir = mkdtempSync(path.join(tmpdir(), 'wb-host-bundle-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const a = path.join(dir, 'a.ts');
const b = path.join(dir, 'b.ts');
writeFileSync(a, 'export const a = 1;\n');
writeFileSync(b, 'export const b = 2;\n');
const cacheFile = path.join(dir, 'cache', 'host-bundle.json');
const bundle = { code: 'export { a as m0 };', map: '{}', files: new Set([a, b]) };

describe('the dev host bundle kept between starts', () => {
  it('is reused while its options, its files and its entries hold', () => {
    hostBundleCache(cacheFile, { define: 1 }).write(new Map([[a, 'm0']]), bundle);
    expect(hostBundleCache(cacheFile, { define: 1 }).read(new Map([[a, 'm0']]))).toEqual(bundle);
    // Other options (another define, root or base): built again.
    expect(hostBundleCache(cacheFile, { define: 2 }).read(new Map([[a, 'm0']]))).toBeUndefined();
    // An entry it does not hold, or under another name: built again.
    expect(hostBundleCache(cacheFile, { define: 1 }).read(new Map([[b, 'm0']]))).toBeUndefined();
    expect(
      hostBundleCache(cacheFile, { define: 1 }).read(
        new Map([
          [a, 'm0'],
          [b, 'm1'],
        ]),
      ),
    ).toBeUndefined();
  });

  it('brings the entries an earlier start met late', () => {
    hostBundleCache(cacheFile, {}).write(
      new Map([
        [a, 'm0'],
        [b, 'm1'],
      ]),
      bundle,
    );
    const entries = new Map([[a, 'm0']]);
    expect(hostBundleCache(cacheFile, {}).read(entries)).toBeDefined();
    expect([...entries]).toEqual([
      [a, 'm0'],
      [b, 'm1'],
    ]);
  });

  it('is built again when a file it was built from changed', () => {
    hostBundleCache(cacheFile, {}).write(new Map([[a, 'm0']]), bundle);
    writeFileSync(b, 'export const b = 3;\n');
    expect(hostBundleCache(cacheFile, {}).read(new Map([[a, 'm0']]))).toBeUndefined();
  });

  it("removes the other folder sets' bundles unused for two weeks when it writes, and keeps one a start reads", () => {
    const cache = path.join(dir, 'prune');
    mkdirSync(cache, { recursive: true });
    const old = Date.now() - UNUSED_BUNDLE_MS - 60_000;
    const stale = path.join(cache, 'host-bundle-stale.json');
    const used = path.join(cache, 'host-bundle-used.json');
    const other = path.join(cache, 'vendor-bundle.json');
    hostBundleCache(used, {}).write(new Map([[a, 'm0']]), bundle);
    for (const file of [stale, other]) writeFileSync(file, '{}');
    for (const file of [stale, used, other]) utimesSync(file, old / 1000, old / 1000);
    // Read by a start: used, so kept.
    expect(hostBundleCache(used, {}).read(new Map([[a, 'm0']]))).toBeDefined();
    hostBundleCache(path.join(cache, 'host-bundle-now.json'), {}).write(new Map([[a, 'm0']]), bundle);
    expect([existsSync(stale), existsSync(used), existsSync(other)]).toEqual([false, true, true]);
  });
});
