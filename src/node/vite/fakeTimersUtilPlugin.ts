/**
 * (Node) Gives @sinonjs/fake-timers (the workbench clock) an empty `util` in the browser. The
 * package requires Node's `util` for `promisify`, and calls it only where `process` exists; its
 * package.json maps its other Node modules to `false` for browsers, but not this one, so Vite
 * externalized it and printed "Module "util" has been externalized for browser compatibility" in
 * every `storybook build` and `amo-workbench test`, a warning about the workbench's internals that
 * a widget developer can do nothing about. Only that package's import is answered: a widget's own
 * code that imports `util` gets Vite's usual treatment. The dev server pre-bundles the package with
 * plugins of its own (`optimizeDeps.rolldownOptions.plugins`), where the same plugin goes too: there
 * the browser printed "Cannot access "util.promisify" in client code" in every story's console
 * whenever the preview had a `process` global (a project's Vite config can give it one).
 */
import type { Plugin } from 'vite';

const EMPTY_UTIL = '\0amo-workbench:fake-timers-util';
const FAKE_TIMERS = /[\\/]node_modules[\\/]@sinonjs[\\/]fake-timers[\\/]/;

export function fakeTimersUtilPlugin(): Plugin {
  return {
    name: 'amo-workbench:fake-timers-util',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^util$/ },
      handler: (source, importer) => (importer && FAKE_TIMERS.test(importer) ? EMPTY_UTIL : undefined),
    },
    load: {
      filter: { id: /^\0amo-workbench:fake-timers-util$/ },
      handler: () => 'export default {};',
    },
  };
}
