/**
 * Runs `fn` in a task of its own, as soon as the event loop gets to it. Completing a load from a
 * microtask could run between a widget script's execution and its `load` event, where
 * `completeLoad` would take that script's anonymous `define` from require.js's global queue and bind
 * it to the wrong id. A separate task never falls in that gap. A MessageChannel task rather than a
 * timer: timers are clamped (require.js's own `setTimeout(fn, 4)`, and 4 ms for nested timers) and a
 * faked clock could stall them; a message is neither.
 */
const queue: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => queue.shift()?.();

export function macrotask(fn: () => void): void {
  queue.push(fn);
  channel.port2.postMessage(null);
}
