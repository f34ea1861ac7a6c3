/**
 * Runs `fn` in a task of its own. Completing a load from a microtask could run between a widget
 * script's execution and its `load` event, where `completeLoad` would take that script's anonymous
 * `define` from require.js's global queue and bind it to the wrong id. A separate task never falls
 * in that gap. The timer is captured at import time so a faked clock cannot stall module loading.
 */
const nativeSetTimeout = globalThis.setTimeout.bind(globalThis);

export function macrotask(fn: () => void): void {
  nativeSetTimeout(fn, 0);
}
