/**
 * (Node, dev server) The modules of Vite's dependency pre-bundle point at their source maps by URL
 * instead of carrying them inline.
 *
 * Why: Vite reads each pre-bundled file's map (JSON.parse), then at every response turns it back
 * into JSON and base64 and appends it to the module. Storybook's preview runtime alone is 1.4 MB of
 * code with a 2.5 MB map, so the first page of every `storybook dev` start received 4.8 MB for it,
 * which the server hashed (ETag) and wrote and the browser scanned, though a map is only read when
 * DevTools opens. Vite already serves those map files at `<module>.map` (its pre-bundle
 * middleware, with the same ignore list applied), so the module ends with a comment naming that
 * URL, and DevTools fetches the map when it needs it. Returning `{ mappings: '' }` is Vite's way of
 * saying "no map for this module" (no inline map, no generated fallback); later transforms of these
 * files only rewrite import specifiers within their lines, so the file's own map still fits.
 *
 * Other modules (the workbench's own code, the host libraries bundled on first use) keep their
 * inline maps.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

export function depMapsByUrlPlugin(): Plugin {
  return {
    name: 'amo-workbench:dep-maps-by-url',
    apply: 'serve',
    enforce: 'pre',
    transform(code, id) {
      // The dev server's client environment: the one with a dependency optimizer.
      const { depsOptimizer } = this.environment as { depsOptimizer?: { isOptimizedDepFile(id: string): boolean } };
      if (!depsOptimizer?.isOptimizedDepFile(id)) return undefined;
      const file = id.split('?')[0]!;
      return { code: `${code}\n//# sourceMappingURL=${path.basename(file)}.map\n`, map: { mappings: '' } };
    },
  };
}
