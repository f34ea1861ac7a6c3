/**
 * (Node) A check of a widget folder's file behind a disk cache, keyed by the input (as JSON) and by
 * the checker itself (a fingerprint of its sources and the versions of the packages it uses), so an
 * edit to either checks again. Used for manifest.json and workbench.states.json: their checks need
 * zod, whose loading every `storybook dev` and `storybook build` start would wait for (the widget
 * folders are read when the preset loads, before anything else can run; docs/performance.md has the
 * cost), while the files rarely change between starts (the folder-check fixtures, broken on purpose, never do).
 */
import { readFileSync } from 'node:fs';
import { cacheKey } from '../build/cacheKey.ts';
import { writeCacheFile } from '../build/writeCacheFile.ts';

interface CacheFile<Result> {
  fingerprint: string;
  /** By hash of the input's JSON; most recently used last. */
  results: Record<string, Result>;
}

export interface CheckCache<Result> {
  /** The cache file (under Storybook's cache folder). */
  file: string;
  /** Of the checker: a different one ignores the file's results. */
  fingerprint: string;
  /** Whether an entry read back is a result (anything else, a foreign or damaged entry, is checked again). */
  isResult(value: unknown): value is Result;
  /** For the warning when the file cannot be written ("manifest check cache"). */
  what: string;
}

/** Enough for every file of a few widget roots, and their recent edits. */
const MAX_ENTRIES = 200;

/** `check`, answering from the file what it answered before and remembering what it computes. */
export function withCheckCache<Input, Result>(
  check: (input: Input) => Result,
  { file, fingerprint, isResult, what }: CheckCache<Result>,
): (input: Input) => Result {
  let results = readResults<Result>(file, fingerprint);
  return (input) => {
    const key = cacheKey([JSON.stringify(input)]);
    const known = isResult(results[key]) ? results[key] : undefined;
    // Re-inserted, so the entries dropped at the cap are the least recently used.
    delete results[key];
    const result = known ?? check(input);
    results[key] = result;
    if (!known) {
      results = Object.fromEntries(Object.entries(results).slice(-MAX_ENTRIES));
      writeCacheFile(file, { fingerprint, results } satisfies CacheFile<Result>, what);
    }
    // A copy: a caller that changes its answer does not change the next one.
    return structuredClone(result);
  };
}

function readResults<Result>(file: string, fingerprint: string): Record<string, Result> {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile<Result> | null;
    return cached?.fingerprint === fingerprint && cached.results && typeof cached.results === 'object' && !Array.isArray(cached.results) ? cached.results : {};
  } catch {
    return {}; // absent or unreadable: check again
  }
}

/** Whether a cached value is a list of folder problems as the checks write them. */
export function isProblemList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (p) =>
        p && typeof p === 'object' && typeof p.code === 'string' && typeof p.message === 'string' && typeof p.fix === 'string' && typeof p.file === 'string',
    )
  );
}
