import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Indexer, IndexerOptions, IndexInput } from 'storybook/internal/types';
import { describe, expect, it, vi } from 'vitest';
import { cachedIndexers } from './cachedIndexers';

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'index-cache-'));
  const file = path.join(dir, 'A.stories.ts');
  writeFileSync(file, "export default { title: 'A' };\nexport const One = {};\n");
  const createIndex = vi.fn(async (fileName: string, options: IndexerOptions): Promise<IndexInput[]> => [
    { type: 'story', importPath: fileName, exportName: 'One', title: options.makeTitle('A'), tags: ['x'] },
  ]);
  const inner: Indexer = { test: /\.stories\.ts$/, createIndex };
  const options = (prefix: string): IndexerOptions => ({ makeTitle: (title?: string) => `${prefix}${title ?? 'auto'}` });
  return { dir, file, createIndex, inner, options };
}

describe('the story index cache', () => {
  it('indexes a file once and answers the same inputs after', async () => {
    const { dir, file, createIndex, inner, options } = setup();
    const [first] = cachedIndexers([inner], path.join(dir, 'cache'), '10.6.0');
    const fresh = await first!.createIndex(file, options(''));
    // A new server start: a new indexer over the same cache folder.
    const [second] = cachedIndexers([inner], path.join(dir, 'cache'), '10.6.0');
    expect(await second!.createIndex(file, options(''))).toEqual(fresh);
    expect(createIndex).toHaveBeenCalledTimes(1);
    expect(first!.test).toBe(inner.test);
  });

  it('indexes again when the file, its title prefix or Storybook changes', async () => {
    const { dir, file, createIndex, inner, options } = setup();
    const cache = path.join(dir, 'cache');
    await cachedIndexers([inner], cache, '10.6.0')[0]!.createIndex(file, options(''));
    writeFileSync(file, "export default { title: 'A' };\nexport const One = {};\nexport const Two = {};\n");
    await cachedIndexers([inner], cache, '10.6.0')[0]!.createIndex(file, options(''));
    const prefixed = await cachedIndexers([inner], cache, '10.6.0')[0]!.createIndex(file, options('Team/'));
    await cachedIndexers([inner], cache, '10.7.0')[0]!.createIndex(file, options('Team/'));
    expect(createIndex).toHaveBeenCalledTimes(4);
    expect(prefixed[0]!.title).toBe('Team/A');
  });

  it('indexes again when the cache file is unreadable', async () => {
    const { dir, file, createIndex, inner, options } = setup();
    const cache = path.join(dir, 'cache');
    await cachedIndexers([inner], cache, '10.6.0')[0]!.createIndex(file, options(''));
    const [cacheFile] = readdirSync(cache);
    writeFileSync(path.join(cache, cacheFile!), '{ not json');
    await cachedIndexers([inner], cache, '10.6.0')[0]!.createIndex(file, options(''));
    expect(createIndex).toHaveBeenCalledTimes(2);
  });
});
