/**
 * (Node) Leaves out Storybook's module mocking (`sb.mock`) while the preview file mocks nothing:
 * the scan of the preview for `sb.mock` calls at the start of a build, the mocker runtime that
 * iframe.html loads before anything else, in `storybook dev` and in a build, and the rewrite of the
 * preview's `sb.mock(import(...))` calls each time the preview is transformed.
 *
 * Why: a bare Storybook has no preview file, so it pays for neither; the workbench has one and
 * mocks nothing. The scan compiles the preview with esbuild's synchronous API and parses it with
 * Babel, ~55 ms on the build's critical path (53 ms in isolation). The runtime is a 57 KB module
 * (28 KB built) that the page fetches and runs before the preview, and that the dev server serves
 * with a generated source map. The rewrite parses and regenerates the preview with Babel at every
 * dev start, in the way of the first page load: 60-130 ms of a cold JIT (server CPU profile, warm
 * start), for a file it leaves as it was.
 *
 * Both only act on `sb.mock(...)` calls of the preview, so a preview without that text has none.
 * The text is read again at each use, so a preview that starts mocking during `storybook dev` gets
 * the runtime on its next page load, as it would without this.
 */
import { readFileSync } from 'node:fs';
import type { PluginOption } from 'vite';
import { flattenPlugins } from './flattenPlugins.ts';

const MOCK_CALL = /\bsb\s*\.\s*mock\b/;

/** The hooks that only serve `sb.mock`, by plugin. */
const MOCKING_HOOKS: Record<string, readonly ('buildStart' | 'transformIndexHtml' | 'transform')[]> = {
  'storybook:mock-loader': ['buildStart'],
  'storybook:mock-loader-preview': ['transform'],
  'vite:storybook-inject-mocker-runtime': ['buildStart', 'transformIndexHtml'],
};

type Hook = (this: unknown, ...args: unknown[]) => unknown;

function previewMocks(previewFile: string): boolean {
  return MOCK_CALL.test(readFileSync(previewFile, 'utf8'));
}

/** Every hook the patch expects to find, as `<plugin>:<hook>`. */
export const MOCKING_HOOK_NAMES = Object.entries(MOCKING_HOOKS).flatMap(([plugin, hooks]) => hooks.map((hook) => `${plugin}:${hook}`));

let warned = false;

/**
 * Makes the mocking hooks do nothing while `previewFile` has no `sb.mock`. Returns the hooks it
 * wrapped. A hook it expects and does not find (Storybook renamed or moved it) is left as it is,
 * with one warning naming the patch: that part of Storybook then runs as in a plain Storybook.
 */
export function skipUnusedMocking(plugins: PluginOption[], previewFile: string | undefined, warn: (line: string) => void = console.warn): string[] {
  if (!previewFile) return [];
  const wrapped: string[] = [];
  for (const plugin of flattenPlugins(plugins)) {
    for (const name of MOCKING_HOOKS[plugin.name] ?? []) {
      const hook = plugin[name] as Hook | { handler: Hook } | undefined;
      if (!hook) continue;
      const original = typeof hook === 'function' ? hook : hook.handler;
      const handler: Hook = function (this: unknown, ...args) {
        return previewMocks(previewFile) ? original.apply(this, args) : undefined;
      };
      if (typeof hook === 'function') (plugin as unknown as Record<string, unknown>)[name] = handler;
      else hook.handler = handler;
      wrapped.push(`${plugin.name}:${name}`);
    }
  }
  const missing = MOCKING_HOOK_NAMES.filter((name) => !wrapped.includes(name));
  if (missing.length && !warned) {
    warned = true;
    warn(
      `[workbench] patch skipUnusedMocking (src/node/patches/skipUnusedMocking.ts): Storybook's ${missing.join(', ')} not found; ` +
        'the patch steps aside for them (they run as in a plain Storybook). Its target moved: update or drop the patch.',
    );
  }
  return wrapped;
}

/** For tests: warn again. */
export function resetSkipUnusedMockingWarning(): void {
  warned = false;
}
