/**
 * (Node) Writes one of the workbench's cache files: aside, then renamed over the old one, since
 * another Storybook of the same checkout may be reading it. A cache that cannot be written is a
 * warning, not a failure: the next start computes again.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const warned = new Set<string>();

export function writeCacheFile(file: string, contents: unknown, what: string): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, typeof contents === 'string' ? contents : JSON.stringify(contents));
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the folder itself is not there
    }
    // One warning per cache a process: a read-only cache folder would otherwise warn at every file.
    if (!warned.has(what))
      console.warn(`amo-workbench: could not write the ${what} (${path.dirname(file)}): ${String(error)}; it is computed again next time.`);
    warned.add(what);
  }
}
