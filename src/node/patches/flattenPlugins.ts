/** (Node) The plugin objects in a Vite `plugins` option: nested arrays flattened, `false`/`null` left out. */
import type { Plugin, PluginOption } from 'vite';

export function flattenPlugins(options: PluginOption[]): Plugin[] {
  return options.flatMap((option) =>
    Array.isArray(option) ? flattenPlugins(option) : option && typeof option === 'object' && 'name' in option ? [option as Plugin] : [],
  );
}
