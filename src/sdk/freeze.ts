/**
 * Snapshots handed to widgets are deep copies, deeply frozen: a widget that mutates what
 * `getState` gave it gets a TypeError in strict code (silently nothing in sloppy code) and can
 * never change the host's state.
 */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
