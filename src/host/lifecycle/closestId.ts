/** The closest provided id to a mistyped one (Levenshtein distance), for "did you mean". */
import { distance } from 'fastest-levenshtein';

export function closestId(id: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(id.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // Suggest only what is plausibly a typo, not any id at all.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}
