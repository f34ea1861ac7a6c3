/**
 * A snapshot that tells on writes: the same frozen data, behind proxies whose write traps record
 * the attempt (and refuse it, so strict code still gets a TypeError). Built bottom-up so every
 * nested object is itself a guarded proxy inside a frozen parent: the proxy invariants for frozen
 * targets hold, and `Object.isFrozen` stays true.
 */
export function guardSnapshot<T>(value: T, onWrite: (path: string) => void, path = ''): T {
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  for (const key of Object.keys(value)) {
    (copy as Record<string, unknown>)[key] = guardSnapshot((value as Record<string, unknown>)[key], onWrite, path ? `${path}.${key}` : key);
  }
  Object.freeze(copy);
  const refuse = (key?: string | symbol) => {
    onWrite(key === undefined ? path || '(root)' : path ? `${path}.${String(key)}` : String(key));
    return false;
  };
  return new Proxy(copy, {
    set: (_target, key) => refuse(key),
    defineProperty: (_target, key) => refuse(key),
    deleteProperty: (_target, key) => refuse(key),
    setPrototypeOf: () => refuse(),
  }) as T;
}
