/**
 * Which widget's code is running: the widget whose script URL appears in the current call stack.
 * Widget scripts are plain scripts loaded by URL, so their frames name that URL (also when they call
 * through a host library such as jQuery).
 */
const owners = new Map<string, string>();

/**
 * A widget script's URL as stack frames (and error events' `filename`) name it: without the query
 * (?v=...) the workbench adds for live reload.
 */
export function scriptKey(scriptUrl: string): string {
  return scriptUrl.split('?')[0]!;
}

export function registerOwner(scriptUrl: string, owner: string): () => void {
  const key = scriptKey(scriptUrl);
  owners.set(key, owner);
  return () => {
    if (owners.get(key) === owner) owners.delete(key);
  };
}

export function currentOwner(): string | undefined {
  const url = currentScriptUrl();
  return url === undefined ? undefined : owners.get(scriptKey(url));
}

/** The URL of the widget script running now, as loaded (with its ?v=...); undefined when none is on the stack. */
export function currentScriptUrl(): string | undefined {
  if (!owners.size) return undefined;
  const stack = deepStack();
  for (const url of owners.keys()) {
    const at = stack.indexOf(url);
    if (at >= 0) return url + (/^\?[^\s:)]*/.exec(stack.slice(at + url.length))?.[0] ?? '');
  }
  return undefined;
}

function deepStack(): string {
  // V8 keeps 10 frames by default; a widget's frame can sit deeper than that (jQuery.ajax, React,
  // the doctor's own wrappers), so look further for this one stack.
  const v8 = Error as ErrorConstructor & { stackTraceLimit?: number };
  const limit = v8.stackTraceLimit;
  v8.stackTraceLimit = 50;
  const stack = new Error().stack ?? '';
  v8.stackTraceLimit = limit;
  return stack;
}
