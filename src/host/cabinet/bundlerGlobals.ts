/**
 * Globals through which a bundle's code-split chunks find its runtime: webpack's `webpackChunk<name>`
 * (`webpackJsonp<name>` in webpack 4) and Parcel's `parcelRequire<hash>`. They live on `window`, so a
 * widget loaded again in the same page (every re-render and live reload in the workbench; never in
 * amoCRM, where a new version arrives with a page load) finds the chunks of the previous load there,
 * and its runtime takes their old modules for its own: a rebuilt chunk never showed. The ones that
 * appeared while a widget was mounted go when it is released.
 */
const BUNDLER_GLOBAL = /^(webpackChunk|webpackJsonp|parcelRequire)/;

/** Remembers the page's bundler globals now; the returned function deletes the ones added since. */
export function forgetNewBundlerGlobals(): () => void {
  const before = new Set(bundlerGlobals());
  return () => {
    for (const name of bundlerGlobals()) if (!before.has(name)) delete (window as unknown as Record<string, unknown>)[name];
  };
}

function bundlerGlobals(): string[] {
  return Object.getOwnPropertyNames(window).filter((name) => BUNDLER_GLOBAL.test(name));
}
