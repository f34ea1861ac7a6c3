/**
 * Which cabinet's widget code the host is running now: the require.js context whose module factory,
 * or whose widget callback (initLead, registerWidgetsBarSlot, a cleanup), the host has called and
 * is still inside. Set only for those synchronous calls; code the widget runs later (timers,
 * events, promises) has none.
 */
let running: string | undefined;

export function runningContext(): string | undefined {
  return running;
}

export function runInContext<T>(context: string, call: () => T): T {
  const outer = running;
  running = context;
  try {
    return call();
  } finally {
    running = outer;
  }
}
