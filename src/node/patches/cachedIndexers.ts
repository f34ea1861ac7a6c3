/**
 * (Node) Storybook's story indexers behind a disk cache. Storybook parses every story file with Babel
 * at each start (`storybook dev`, `storybook build`) to list its stories; the gain is measured in
 * docs/performance.md. The index inputs of a file are kept under Storybook's cache folder, keyed by
 * the file's content, the Storybook version and the titles the file's place in `stories` gives, so
 * an edited or moved file is indexed again.
 *
 * What it relies on (cachedIndexers.test.ts checks it against the installed Storybook's own CSF
 * indexer): the `experimental_indexers` preset API, an indexer being `{ test, createIndex(fileName,
 * { makeTitle }) }`. An indexer of another shape, or options without `makeTitle`, is one warning
 * naming the patch, and Storybook's indexer is used as it is.
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

export const PATCH_WARNING = '[workbench] patch cachedIndexers:';

export function cachedIndexers(indexers: Indexer[] | undefined, cacheDir: string, version: string, warn: (message: string) => void = console.warn): Indexer[] {
  let warned = false;
  const stepAside = (what: string) => {
    if (!warned) warn(`${PATCH_WARNING} ${what}; story files are indexed without the cache (Storybook's indexer as it is).`);
    warned = true;
  };
  return (indexers ?? []).map((indexer) => {
    if (typeof indexer?.createIndex !== 'function' || !(indexer.test instanceof RegExp)) {
      stepAside("one of Storybook's indexers is not { test: RegExp, createIndex() } any more");
      return indexer;
    }
    return cachedIndexer(indexer, cacheDir, version, stepAside);
  });
}

function cachedIndexer(indexer: Indexer, cacheDir: string, version: string, stepAside: (what: string) => void): Indexer {
  return {
    ...indexer,
    createIndex: async (fileName: string, options: IndexerOptions) => {
      if (typeof options?.makeTitle !== 'function') {
        stepAside('Storybook no longer gives indexers makeTitle');
        return indexer.createIndex(fileName, options);
      }
      const key = cacheKey([version, fileName, titlesFor(options), await readFile(fileName, 'utf8')]);
      const cacheFile = path.join(cacheDir, `${cacheKey([fileName])}.json`);
      const cached = readEntry(cacheFile);
      if (cached?.key === key) return cached.inputs;
      const inputs = await indexer.createIndex(fileName, options);
      // Atomic, and a folder that cannot be written costs the cache, never the index.
      writeCacheFile(cacheFile, { key, inputs } satisfies CacheEntry, 'story index cache');
      return inputs;
    },
  };
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
