/**
 * Which cabinet's widget code the host is running now: the require.js context whose module factory,
 * or whose widget callback (initLead, registerWidgetsBarSlot, a cleanup), the host has called and
 * is still inside. Set only for those synchronous calls; code the widget runs later (timers,
 * events, promises) has none.
 */
let running: string | undefined;
let cleaning = false;

export function runningContext(): string | undefined {
  return running;
}

/** Whether the call running is a cleanup the widget returned (the doctor tells work it starts from work it ends). */
export function runningCleanup(): boolean {
  return cleaning;
}

export function runInContext<T>(context: string, call: () => T, { cleanup = false } = {}): T {
  const outer = { running, cleaning };
  running = context;
  cleaning = cleanup;
  try {
    return call();
  } finally {
    ({ running, cleaning } = outer);
  }
}
