/**
 * Snapshots handed to widgets are deep copies, deeply frozen: a widget that mutates what
 * `getState` gave it gets a TypeError in strict code (silently nothing in sloppy code) and can
 * never change the host's state.
 */
export function frozenCopy(value) {
    return deepFreeze(structuredClone(value));
}
export function deepFreeze(value) {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const key of Object.keys(value))
            deepFreeze(value[key]);
    }
    return value;
}
