/**
 * (Node) A file beside a module, named as in the sources (`./index.ts`). The installed package runs
 * the Node code compiled to `.js` (dist/, written when the package is packed: scripts/compileNode.mjs);
 * this repository runs the `.ts` sources. A source name is given the running module's own extension.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function besideModule(moduleUrl: string, relative: string): string {
  const extension = path.extname(fileURLToPath(moduleUrl));
  return fileURLToPath(new URL(relative.replace(/\.ts$/, extension), moduleUrl));
}
