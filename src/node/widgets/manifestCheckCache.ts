/**
 * (Node) checkManifest behind a disk cache, keyed by the manifest's JSON and by the checker itself
 * (the source of checkManifest.ts and manifestSchema.ts, the zod and semver versions), so an edit to
 * any of them checks every manifest again.
 *
 * Why: the check needs zod, and loading zod is ~45 ms of every `storybook dev` and `storybook build`
 * start (the widget folders are read when main.ts loads, before anything else can run). Manifests
 * rarely change between starts; the folder-check fixtures, broken on purpose, never do.
 */
import { readFileSync } from 'node:fs';
import { cacheKey, codeParts } from '../build/cacheKey.ts';
import { writeCacheFile } from '../build/writeCacheFile.ts';
import { checkManifest, type CheckManifest, type ManifestCheck } from './checkManifest.ts';

interface CacheFile {
  fingerprint: string;
  /** By hash of the manifest's JSON; most recently used last. */
  results: Record<string, ManifestCheck>;
}

/** Enough for every manifest of a few widget roots, and their recent edits. */
const MAX_ENTRIES = 200;

export function checkerFingerprint(): string {
  return cacheKey(codeParts(import.meta.url, ['./checkManifest.ts', './manifestSchema.ts'], ['zod', 'semver']));
}

/** A CheckManifest that answers from `file` what it answered before, and remembers what it computes. */
export function cachedCheckManifest(file: string, fingerprint = checkerFingerprint(), check: CheckManifest = checkManifest): CheckManifest {
  let results = readResults(file, fingerprint);
  return (raw) => {
    const key = cacheKey([JSON.stringify(raw)]);
    const known = isManifestCheck(results[key]) ? results[key] : undefined;
    // Re-inserted, so the entries dropped at the cap are the least recently used.
    delete results[key];
    const result = known ?? check(raw);
    results[key] = result;
    if (!known) {
      results = Object.fromEntries(Object.entries(results).slice(-MAX_ENTRIES));
      writeCacheFile(file, { fingerprint, results } satisfies CacheFile, 'manifest check cache');
    }
    return structuredClone(result);
  };
}

/** An entry as checkManifest returns it; anything else (a foreign or damaged file) is checked again. */
function isManifestCheck(value: unknown): value is ManifestCheck {
  if (!value || typeof value !== 'object') return false;
  const { manifest, problems } = value as Partial<ManifestCheck>;
  return (
    Array.isArray(problems) &&
    problems.every((p) => p && typeof p === 'object' && typeof p.code === 'string' && typeof p.message === 'string' && typeof p.fix === 'string' && typeof p.file === 'string') &&
    (manifest === undefined || (typeof manifest === 'object' && manifest !== null && typeof (manifest as { widget?: unknown }).widget === 'object'))
  );
}

function readResults(file: string, fingerprint: string): Record<string, ManifestCheck> {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile | null;
    return cached?.fingerprint === fingerprint && cached.results && typeof cached.results === 'object' && !Array.isArray(cached.results) ? cached.results : {};
  } catch {
    return {}; // absent or unreadable: check again
  }
}
