/**
 * (Node) `storybook build` only: gives Storybook's own Vite plugins the id filters their
 * `resolveId`/`load`/`transform` hooks lack.
 *
 * Why: rolldown calls a JS hook that has no filter for every module of the build, and each call
 * crosses from Rust into JS. The workbench's build had ~1,000 modules (the host libraries; lodash-es
 * alone had 640, before umdAsCommonJsPlugin.ts), so Storybook's unfiltered hooks (its code generator,
 * project annotations and `sb.mock` loader) ran ~9,000 times per build, against ~100 for a bare
 * Storybook.
 *
 * These hooks only handle Storybook's virtual modules, the iframe and modules mocked with
 * `sb.mock` in the preview (the workbench mocks none). So the filters leave out only what they
 * never handle: relative specifiers in `resolveId`, and files of installed packages in
 * `load`/`transform`.
 */
import type { PluginOption } from 'vite';
import { flattenPlugins } from './flattenPlugins.ts';

const HOOKS = {
  resolveId: /^\.{1,2}\//,
  load: /\/node_modules\//,
  transform: /\/node_modules\//,
} as const;

type AnyHook = ((...args: unknown[]) => unknown) | { filter?: unknown; handler: (...args: unknown[]) => unknown; order?: unknown };

let warned = false;

/**
 * Adds `filter: { id: { exclude } }` to each unfiltered hook of the `storybook:` plugins. Returns
 * the names of the hooks it filtered. Hooks Storybook filters itself are left alone; no `storybook:`
 * plugin at all (Storybook renamed them) gets one warning naming the patch, which then does nothing.
 */
export function filterStorybookHooks(plugins: PluginOption[], warn: (line: string) => void = console.warn): string[] {
  const filtered: string[] = [];
  const all = flattenPlugins(plugins);
  if (!all.some((plugin) => plugin.name.startsWith('storybook:')) && !warned) {
    warned = true;
    warn(
      '[workbench] patch filterStorybookHooks (src/node/patches/filterStorybookHooks.ts): no Vite plugin named storybook:* in this build; the patch steps aside (the build runs as in a plain Storybook). Its target moved: update or drop the patch.',
    );
  }
  for (const plugin of all) {
    if (!plugin.name.startsWith('storybook:')) continue;
    for (const [name, exclude] of Object.entries(HOOKS) as [keyof typeof HOOKS, RegExp][]) {
      const hook = plugin[name] as AnyHook | undefined;
      if (!hook) continue;
      if (typeof hook === 'function') {
        (plugin as unknown as Record<string, unknown>)[name] = { filter: { id: { exclude } }, handler: hook };
      } else if (!hook.filter) {
        hook.filter = { id: { exclude } };
      } else continue;
      filtered.push(`${plugin.name}:${name}`);
    }
  }
  return filtered;
}

/** For tests: warn again. */
export function resetFilterStorybookHooksWarning(): void {
  warned = false;
}
