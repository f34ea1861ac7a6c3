/**
 * (Node) Writes one of the workbench's cache files: aside, then renamed over the old one, since
 * another Storybook of the same checkout may be reading it. A cache that cannot be written is a
 * warning, not a failure: the next start computes again.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeCacheFile(file: string, contents: unknown, what: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(contents));
    renameSync(temp, file);
  } catch (error) {
    console.warn(`amo-workbench: could not write the ${what} ${file}: ${String(error)}`);
  }
}
