/**
 * (Node) Keys for the workbench's disk caches (the story index, the manifest checks, the vendor
 * bundle): a hash of what a cached result was computed from, and the parts that stand for "the code
 * that computed it" (its source files, the versions of the packages it uses).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { besideModule } from '../besideModule.ts';

/** sha1 of the parts, in order, `\0` between them. */
export function cacheKey(parts: readonly (string | Buffer)[]): string {
  const hash = createHash('sha1');
  parts.forEach((part, index) => {
    if (index > 0) hash.update('\0');
    hash.update(part);
  });
  return hash.digest('hex');
}

/** The text of source files (relative to `moduleUrl`, a module's import.meta.url) and `name@version` of packages. */
export function codeParts(moduleUrl: string, sources: readonly string[], packages: readonly string[]): string[] {
  const require = createRequire(moduleUrl);
  return [
    ...sources.map((file) => readFileSync(besideModule(moduleUrl, file), 'utf8')),
    ...packages.map((pkg) => `${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`),
  ];
}
