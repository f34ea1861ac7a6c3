/**
 * Storybook's story indexers behind a disk cache. Storybook parses every story file with Babel at
 * each start (`storybook dev`, `storybook build`) to list its stories; here that is about 0.16 s
 * for the workbench's own stories (npm run bench, CPU profile of index.json), on the path of every
 * dev start. The index inputs of a file are kept under Storybook's cache folder, keyed by the
 * file's content, the Storybook version and the titles the file's place in `stories` gives, so an
 * edited or moved file is indexed again.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Indexer, IndexerOptions, IndexInput } from 'storybook/internal/types';
import { cacheKey } from '../build/cacheKey.ts';
import { writeCacheFile } from '../build/writeCacheFile.ts';

interface CacheEntry {
  key: string;
  inputs: IndexInput[];
}

export function cachedIndexers(indexers: Indexer[] | undefined, cacheDir: string, version: string): Indexer[] {
  return (indexers ?? []).map((indexer) => ({
    test: indexer.test,
    createIndex: async (fileName: string, options: IndexerOptions) => {
      const key = cacheKey([version, fileName, titlesFor(options), await readFile(fileName, 'utf8')]);
      const cacheFile = path.join(cacheDir, `${cacheKey([fileName])}.json`);
      const cached = readEntry(cacheFile);
      if (cached?.key === key) return cached.inputs;
      const inputs = await indexer.createIndex(fileName, options);
      // Atomic, and a folder that cannot be written costs the cache, never the index.
      writeCacheFile(cacheFile, { key, inputs } satisfies CacheEntry, 'story index cache');
      return inputs;
    },
  }));
}

/** What `makeTitle` makes of a user title and of none: the prefix and folder of the file's `stories` entry. */
function titlesFor(options: IndexerOptions): string {
  const probe = (userTitle?: string) => {
    try {
      return options.makeTitle(userTitle);
    } catch (error) {
      return `error: ${String(error)}`;
    }
  };
  return `${probe('probe')}\n${probe(undefined)}`;
}

function readEntry(file: string): CacheEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheEntry> | null;
    // A truncated or foreign file: index the file again.
    return entry && typeof entry.key === 'string' && Array.isArray(entry.inputs) ? (entry as CacheEntry) : undefined;
  } catch {
    return undefined; // absent or unreadable: index the file again
  }
}
