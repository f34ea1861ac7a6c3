/**
 * (Node) checkStates behind a disk cache (checkResultCache.ts), keyed by the file's JSON and whether
 * the folder has a backend, and by the checker itself (the sources that make the states and the zod
 * version), so an edit to any of them checks every states file again.
 */
import { cacheKey, codeParts } from '../build/cacheKey.ts';
import { isProblemList, withCheckCache } from './checkResultCache.ts';
import { checkStates, type CheckStates, type FolderStates } from './widgetStates.ts';

export function statesCheckerFingerprint(): string {
  return cacheKey(
    codeParts(import.meta.url, ['./widgetStates.ts', '../../common/stateSpec.ts', '../../common/defaultDeal.ts', '../../common/scenarioNames.ts'], ['zod']),
  );
}

/** A CheckStates that answers from `file` what it answered before, and remembers what it computes. */
export function cachedCheckStates(file: string, fingerprint = statesCheckerFingerprint(), check: CheckStates = checkStates): CheckStates {
  return withCheckCache(check, { file, fingerprint, isResult: isFolderStates, what: 'states check cache' });
}

function isFolderStates(value: unknown): value is FolderStates {
  if (!value || typeof value !== 'object') return false;
  const { states, problems } = value as Partial<FolderStates>;
  return (
    isProblemList(problems) &&
    Array.isArray(states) &&
    states.every((s) => s && typeof s === 'object' && typeof s.name === 'string' && typeof s.exportName === 'string')
  );
}
