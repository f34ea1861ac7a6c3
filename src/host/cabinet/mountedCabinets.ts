/**
 * The cabinets on the page, so a story's teardown can unmount what its render mounted, and a play
 * function or test can find the cabinet behind a canvas.
 */
import type { Cabinet } from './createCabinet';

const mounted = new Set<Cabinet>();

export function trackCabinet(cabinet: Cabinet): Cabinet {
  // Cabinets unmounted on their own (a story's play, the bench) leave the registry here.
  for (const c of mounted) if (!c.mounted) mounted.delete(c);
  mounted.add(cabinet);
  return cabinet;
}

/** The cabinet rendered inside `container` (a story's canvas), if any. */
export function findCabinet(container: Element): Cabinet | undefined {
  return findCabinets(container)[0];
}

/** Every cabinet rendered inside `container` (the locale matrix has many). */
export function findCabinets(container: Element): Cabinet[] {
  return [...mounted].filter((cabinet) => container.contains(cabinet.element));
}

export function mountedCabinets(): readonly Cabinet[] {
  return [...mounted];
}

export async function unmountAllCabinets(): Promise<void> {
  const all = [...mounted];
  mounted.clear();
  await Promise.all(all.map((cabinet) => cabinet.unmount()));
}
