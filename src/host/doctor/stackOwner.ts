/**
 * Which widget's code is running: the widget whose script URL appears in the current call stack.
 * Widget scripts are plain scripts loaded by URL, so their frames name that URL (also when they call
 * through a host library such as jQuery).
 */

/**
 * Every live registration of a script, oldest first: cabinets of one page can run the same script
 * (the locale matrix). The script's code is the latest one's.
 */
const holders = new Map<string, string[]>();
const ownerOf = (key: string) => holders.get(key)?.at(-1);

/**
 * A widget script's URL as stack frames (and error events' `filename`) name it: without the query
 * (?v=...) the workbench adds for live reload.
 */
export function scriptKey(scriptUrl: string): string {
  return scriptUrl.split('?')[0]!;
}

/** The widget's folder, as a prefix of the URLs of the files in it: its script's key up to the last `/`. */
function scriptFolder(scriptUrl: string): string {
  const key = scriptKey(scriptUrl);
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** `url` relative to the widget's folder (`chunks/x.js`), or undefined when it is outside the folder. */
export function inScriptFolder(scriptUrl: string, url: string): string | undefined {
  const folder = scriptFolder(scriptUrl);
  return url.startsWith(folder) ? url.slice(folder.length) : undefined;
}

/**
 * Scripts whose widget the host let go and has not mounted again: their code can still run (a
 * promise or an event settling after the story ended) on a page the widget no longer belongs to.
 */
const released = new Map<string, string>();

export function registerOwner(scriptUrl: string, owner: string): () => void {
  const key = scriptKey(scriptUrl);
  holders.set(key, [...(holders.get(key) ?? []), owner]);
  released.delete(key);
  return () => {
    const rest = (holders.get(key) ?? []).filter((o) => o !== owner);
    if (rest.length) {
      // Another cabinet still runs this script: its code is that cabinet's, not a let-go widget's.
      holders.set(key, rest);
      return;
    }
    holders.delete(key);
    released.set(key, owner);
  };
}

export function currentOwner(): string | undefined {
  const url = currentScriptUrl();
  return url === undefined ? undefined : ownerOf(scriptKey(url));
}

/** The widget whose code is running, or the one the host let go whose code it is (one look at the stack). */
export function runningWidget(): { owner?: string; released?: string } {
  if (!holders.size && !released.size) return {};
  const stack = deepStack();
  const url = holders.size ? urlIn(stack) : undefined;
  if (url !== undefined) return { owner: ownerOf(scriptKey(url)) };
  for (const [key, owner] of released) if (stack.includes(key)) return { released: owner };
  return {};
}

/** The URL of the widget script running now, as loaded (with its ?v=...); undefined when none is on the stack. */
export function currentScriptUrl(): string | undefined {
  return holders.size ? urlIn(deepStack()) : undefined;
}

function urlIn(stack: string): string | undefined {
  for (const url of holders.keys()) {
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
