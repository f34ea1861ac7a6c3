/**
 * Which module ids a widget script gave its `define` calls. The host loads personal_page.js by URL
 * and takes its anonymous `define([...], factory)`; a build that names the module (rollup's
 * `output.amd.id`, webpack's `library: { type: 'amd', name }`) defines an id nobody asks for, and
 * require.js only says the script never called `define`. Recorded by the script element running
 * (require.js marks it with the URL it loads), so the load failure can name the ids instead.
 */
const byScript = new Map<string, Set<string>>();

/** Wraps the page's `define` once; `define.amd` and every other property stay as require.js set them. */
export function recordNamedDefines(target: { define?: RequireDefine }): void {
  const original = target.define;
  if (!original || (original as { namedDefinesRecorded?: true }).namedDefinesRecorded) return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const script = document.currentScript;
    const url = script instanceof HTMLScriptElement ? script.dataset.requiremodule : undefined;
    if (url && typeof args[0] === 'string') {
      let ids = byScript.get(url);
      if (!ids) byScript.set(url, (ids = new Set()));
      ids.add(args[0]);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  target.define = Object.assign(wrapped, original, { namedDefinesRecorded: true as const }) as unknown as RequireDefine;
}

/** The ids the script at `url` (as require.js loaded it) passed to `define`. */
export function namedDefinesOf(url: string): string[] {
  return [...(byScript.get(url) ?? [])];
}
