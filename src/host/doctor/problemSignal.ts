/**
 * "The problems of the page changed": a doctor finding, a widget failure or an unhandled request
 * was recorded. The strip above the cabinet, the Widget doctor panel and the sidebar status listen,
 * so a finding that appears late (a leak on a deal switch, a request made on a click) shows at once.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onProblemsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function problemsChanged(): void {
  for (const listener of [...listeners]) listener();
}
