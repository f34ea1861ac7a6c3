import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Indexer, IndexerOptions, IndexInput } from 'storybook/internal/types';
import { describe, expect, it, vi } from 'vitest';
import { cachedIndexers } from './cachedIndexers';
import { testTempDir } from '../../../tests/support/tempDir';

function setup() {
  const dir = testTempDir('index-cache');
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

describe('the story index cache against the installed Storybook', () => {
  /** Storybook's own CSF indexer, as its common preset hands it to every project's experimental_indexers. */
  async function storybookIndexers(): Promise<Indexer[]> {
    const storybookDir = path.dirname(createRequire(import.meta.url).resolve('storybook/package.json'));
    const preset = (await import(pathToFileURL(path.join(storybookDir, 'dist/core-server/presets/common-preset.js')).href)) as {
      experimental_indexers: (existing: Indexer[]) => Indexer[];
    };
    return preset.experimental_indexers([]);
  }

  it('wraps Storybook’s real CSF indexer: the cached answer is what the indexer gives, without a warning', async () => {
    const dir = testTempDir('index-cache-real');
    const file = path.join(dir, 'Real.stories.ts');
    writeFileSync(file, "export default { title: 'Real', tags: ['t'] };\nexport const One = {};\nexport const Two = { name: 'Second' };\n");
    const options: IndexerOptions = { makeTitle: (title?: string) => title ?? 'Auto' };
    const [csf] = await storybookIndexers();
    expect(csf!.test.test('Real.stories.ts')).toBe(true);
    const plain = await csf!.createIndex(file, options);
    expect(plain.map((input) => input.exportName)).toEqual(['One', 'Two']);
    const warn = vi.fn();
    const cache = path.join(dir, 'cache');
    expect(await cachedIndexers([csf!], cache, '10.6.0', warn)[0]!.createIndex(file, options)).toEqual(plain);
    const inner = vi.spyOn(csf!, 'createIndex');
    expect(await cachedIndexers([csf!], cache, '10.6.0', warn)[0]!.createIndex(file, options)).toEqual(plain);
    expect(inner).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns once, naming itself, and uses Storybook’s indexer as it is when its shape changes (simulated)', async () => {
    const { dir, file, createIndex, inner } = setup();
    const warn = vi.fn();
    const renamed = { test: inner.test, index: inner.createIndex } as unknown as Indexer;
    const indexers = cachedIndexers([renamed, renamed], path.join(dir, 'cache'), '10.6.0', warn);
    expect(indexers[0]).toBe(renamed);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[workbench\] patch cachedIndexers: .*without the cache/);
    // Options without makeTitle: Storybook's indexer answers, every time.
    const [wrapped] = cachedIndexers([inner], path.join(dir, 'cache'), '10.6.0', warn);
    await wrapped!.createIndex(file, {} as IndexerOptions).catch(() => undefined);
    await wrapped!.createIndex(file, {} as IndexerOptions).catch(() => undefined);
    expect(createIndex).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
