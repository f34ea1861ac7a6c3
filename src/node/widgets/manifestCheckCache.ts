/**
 * (Node) checkManifest behind a disk cache (checkResultCache.ts), keyed by the manifest's JSON and
 * by the checker itself (the source of checkManifest.ts and manifestSchema.ts, the zod and semver
 * versions), so an edit to any of them checks every manifest again.
 */
import { cacheKey, codeParts } from '../build/cacheKey.ts';
import { checkManifest, type CheckManifest, type ManifestCheck } from './checkManifest.ts';
import { isProblemList, withCheckCache } from './checkResultCache.ts';

export function checkerFingerprint(): string {
  return cacheKey(codeParts(import.meta.url, ['./checkManifest.ts', './manifestSchema.ts'], ['zod', 'semver']));
}

/** A CheckManifest that answers from `file` what it answered before, and remembers what it computes. */
export function cachedCheckManifest(file: string, fingerprint = checkerFingerprint(), check: CheckManifest = checkManifest): CheckManifest {
  return withCheckCache(check, { file, fingerprint, isResult: isManifestCheck, what: 'manifest check cache' });
}

/** An entry as checkManifest returns it; anything else (a foreign or damaged file) is checked again. */
function isManifestCheck(value: unknown): value is ManifestCheck {
  if (!value || typeof value !== 'object') return false;
  const { manifest, problems } = value as Partial<ManifestCheck>;
  return (
    isProblemList(problems) &&
    (manifest === undefined || (typeof manifest === 'object' && manifest !== null && typeof (manifest as { widget?: unknown }).widget === 'object'))
  );
}
