/**
 * (Node) The dev host bundle kept on disk between starts. Building it (rolldown, ~100 files) was on
 * the first page's critical path at every `storybook dev` start: the browser waits for the module.
 * A bundle is reused when the code that built it, the options (Vite's `define`, the root, the base)
 * and the text of every file it was built from are unchanged, and when it holds every entry the
 * server starts with under the same names; its further entries (met late by an earlier start) come
 * with it. Anything else builds again, and the result replaces the cache.
 *
 * There is one such file per set of widget folders started (its name comes from the generated
 * stories' folder), ~600 KB each: a cache hit marks its file used, and a write removes the others
 * of the folder unused for two weeks, so they do not pile up across updates and folder sets.
 */
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { cacheKey, codeParts } from '../build/cacheKey.ts';
import { writeCacheFile } from '../build/writeCacheFile.ts';
import type { HostBundle } from './bundleHost.ts';

interface CachedBundle {
  key: string;
  /** Absolute file -> export name of its namespace. */
  entries: Record<string, string>;
  /** Every file the bundle was built from -> sha1 of its text. */
  files: Record<string, string>;
  code: string;
  map: string | undefined;
}

export interface HostBundleCache {
  /** The cached bundle for these entries, adding the cached bundle's further entries to `entries`; undefined on a miss. */
  read(entries: Map<string, string>): HostBundle | undefined;
  write(entries: ReadonlyMap<string, string>, bundle: HostBundle): void;
}

/** `options`: what the bundle depends on beside its files (Vite's define, root, base). */
export function hostBundleCache(cacheFile: string, options: unknown): HostBundleCache {
  const key = cacheKey([JSON.stringify(options), ...codeParts(import.meta.url, ['./bundleHost.ts'], ['rolldown'])]);
  return {
    read(entries) {
      let cached: CachedBundle;
      try {
        cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as CachedBundle;
      } catch {
        return undefined;
      }
      if (cached.key !== key) return undefined;
      for (const [file, name] of entries) if (cached.entries[file] !== name) return undefined;
      for (const [file, hash] of Object.entries(cached.files)) if (hashOf(file) !== hash) return undefined;
      for (const [file, name] of Object.entries(cached.entries)) entries.set(file, name);
      markUsed(cacheFile);
      return { code: cached.code, map: cached.map, files: new Set(Object.keys(cached.files)) };
    },
    write(entries, bundle) {
      const files: Record<string, string> = {};
      for (const file of bundle.files) {
        const hash = hashOf(file);
        if (hash === undefined) return; // a file went away meanwhile: nothing worth keeping
        files[file] = hash;
      }
      writeCacheFile(
        cacheFile,
        { key, entries: Object.fromEntries(entries), files, code: bundle.code, map: bundle.map } satisfies CachedBundle,
        'dev host bundle cache',
      );
      pruneUnused(cacheFile);
    },
  };
}

/** How long a host bundle of another set of folders is kept unused. */
export const UNUSED_BUNDLE_MS = 14 * 24 * 60 * 60 * 1000;

function markUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // a read-only cache: nothing to mark
  }
}

/** Removes the other host bundles beside `cacheFile` (same name pattern) not used for UNUSED_BUNDLE_MS. */
function pruneUnused(cacheFile: string, now = Date.now()): void {
  const dir = path.dirname(cacheFile);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (file === cacheFile || !/^host-bundle-.*\.json$/.test(name)) continue;
    try {
      if (now - statSync(file).mtimeMs > UNUSED_BUNDLE_MS) rmSync(file, { force: true });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

function hashOf(file: string): string | undefined {
  try {
    return cacheKey([readFileSync(file)]);
  } catch {
    return undefined;
  }
}
