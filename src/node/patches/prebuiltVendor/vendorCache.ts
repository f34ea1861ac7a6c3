/**
 * (Node) The vendor bundle (vendorEntries.ts) built once and kept in one file of the workbench's
 * cache folder (`node_modules/.cache/amo-workbench/`, beside Storybook's own), so `storybook build`
 * does not parse, link and minify the same ~3 MB of third-party code at
 * every run. The cached bundle is used while it was made:
 * - with the same settings (NODE_ENV, minify, source maps, target) by the same rolldown;
 * - from the same entry modules (their code) and the same bundling code (bundleModules.ts,
 *   umdAsCommonJsPlugin.ts);
 * - from input files whose content has not changed (every file rolldown read, by hash).
 * Anything else builds it again and replaces the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleModules, type BundleOptions } from '../../build/bundleModules.ts';
import { cacheKey, codeParts } from '../../build/cacheKey.ts';
import { writeCacheFile } from '../../build/writeCacheFile.ts';

export type VendorSettings = Pick<BundleOptions, 'nodeEnv' | 'minify' | 'sourcemap' | 'target'>;

export interface VendorBundle {
  /** Entry name -> its file name. */
  entries: Map<string, string>;
  /** File name -> content: entries, shared chunks and, with source maps, their `.map` files. */
  files: Map<string, string>;
  /** Whether this run built it (false: read from the cache). */
  built: boolean;
}

interface CacheFile {
  fingerprint: string;
  /** Input file -> hash of its content. */
  inputs: Record<string, string>;
  entries: Record<string, string>;
  files: Record<string, string>;
}

/** Where `storybook build` keeps it: a build cache of the workbench's, not one of Storybook's. */
export function vendorCacheFile(root: string): string {
  return path.join(root, 'node_modules/.cache/amo-workbench/vendor-bundle.json');
}

export async function cachedVendorBundle(root: string, cacheFile: string, entries: Record<string, string>, settings: VendorSettings): Promise<VendorBundle> {
  const fingerprint = vendorFingerprint(entries, settings);
  const cached = await readCache(cacheFile, fingerprint);
  if (cached) return { entries: new Map(Object.entries(cached.entries)), files: new Map(Object.entries(cached.files)), built: false };

  const bundle = await bundleModules(root, entries, { ...settings, entryFileNames: '[name]-[hash].js', chunkFileNames: 'vendor-[hash].js' });
  const files = new Map<string, string>();
  for (const [name, file] of bundle.files) {
    files.set(name, file.code);
    if (file.map && settings.sourcemap) files.set(`${name}.map`, file.map);
  }
  const inputs = Object.fromEntries(await Promise.all(bundle.inputs.map(async (file) => [file, cacheKey([await readFile(file)])] as const)));
  writeCacheFile(
    cacheFile,
    { fingerprint, inputs, entries: Object.fromEntries(bundle.entries), files: Object.fromEntries(files) } satisfies CacheFile,
    'vendor bundle cache',
  );
  return { entries: bundle.entries, files, built: true };
}

export function vendorFingerprint(entries: Record<string, string>, settings: VendorSettings): string {
  const bundlers = codeParts(import.meta.url, ['../../build/bundleModules.ts', '../../vite/umdAsCommonJsPlugin.ts'], ['rolldown']);
  return cacheKey([JSON.stringify({ settings, entries, bundlers })]);
}

async function readCache(file: string, fingerprint: string): Promise<CacheFile | undefined> {
  let cached: CacheFile;
  try {
    cached = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
  } catch {
    return undefined; // absent or unreadable: build again
  }
  if (cached.fingerprint !== fingerprint || !cached.inputs || !cached.entries || !cached.files) return undefined;
  const current = await Promise.all(
    Object.entries(cached.inputs).map(async ([input, hash]) => {
      try {
        return cacheKey([await readFile(input)]) === hash;
      } catch {
        return false; // the file is gone: a package was removed or moved
      }
    }),
  );
  return current.every(Boolean) ? cached : undefined;
}
