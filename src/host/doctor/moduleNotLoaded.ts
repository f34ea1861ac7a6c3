/**
 * A module a widget required after its script loaded (a bundler's chunk, a file of its folder) that
 * did not load: require.js rejects the require, and a widget whose promise has no `catch` showed
 * its loading state for good with nothing said. The usual cause is a bundler's relative id without
 * `.js`: in a module loaded by URL (as amoCRM loads the widget) a relative id resolves to a URL, and
 * require.js adds no `.js` to a URL.
 */
import { inScriptFolder } from './stackOwner';

export function moduleNotLoadedMessage(widget: string, widgetScript: string, url: string): string {
  const shown = inScriptFolder(widgetScript, url) ?? url;
  const file = new URL(url).pathname.split('/').pop() ?? '';
  const advice = file.includes('.')
    ? `Check that ${shown} is in the widget's folder (a chunk the build did not write, or one written elsewhere).`
    : `A relative id in a module loaded by URL resolves to a URL, and require.js adds no .js to a URL, in amoCRM as here: require "${shown.split('?')[0]}.js" (Rollup: output.amd.forceJsExtensionForImports: true).`;
  return `${widget} required ${shown}, which did not load. ${advice}`;
}
