/**
 * (Node) Which files of a widget folder the workbench serves (dev server) and copies (static build):
 * the one rule both use. A file is served when, after resolving symlinks, it lies inside the
 * folder (itself resolved: a symlinked widget folder's target is its root), and no segment of its
 * path inside the folder is a dotfile or dot-folder (`.env`, `.git`) or `node_modules`. Everything
 * else is 404 in dev and absent from a build. The upload archive's rule is stricter (shippedFiles).
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** The workbench's generated folder in a project (its Storybook config and stories). */
export const GENERATED_FOLDER = 'amo-workbench-stories';

/** A path segment never served: dotfiles and dot-folders, installed packages, the workbench's generated files. */
export function isHiddenSegment(segment: string): boolean {
  return segment.startsWith('.') || segment === 'node_modules' || segment === GENERATED_FOLDER;
}

/** The folder's real path (symlinks resolved), or undefined when it does not exist. */
export function realRoot(dir: string): string | undefined {
  try {
    return realpathSync(dir);
  } catch {
    return undefined;
  }
}

function inside(rootReal: string, file: string): boolean {
  return file.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}

/**
 * The file a request path names, or undefined when the rule says 404. `relative` is the URL path
 * below the folder's prefix, still percent-encoded (a query or hash already removed).
 */
export function resolveServedFile(dir: string, relative: string): string | undefined {
  const rootReal = realRoot(dir);
  if (!rootReal) return undefined;
  let segments: string[];
  try {
    segments = relative
      .split('/')
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined; // a malformed escape
  }
  // After decoding, a segment may hold a separator (`%2f`, `%5c`) or be `..`: never a path of the folder.
  if (!segments.length || segments.some((s) => s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0') || isHiddenSegment(s))) {
    return undefined;
  }
  const candidate = path.join(rootReal, ...segments);
  try {
    const real = realpathSync(candidate);
    if (!inside(rootReal, real) || !statSync(real).isFile()) return undefined;
    // A symlink inside the folder whose target is inside too is served; its real name must also pass.
    if (path.relative(rootReal, real).split(path.sep).some(isHiddenSegment)) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

export interface ServedFile {
  /** Posix path inside the folder, as served. */
  relative: string;
  /** The real file on disk. */
  real: string;
}

/** Every served file of a folder, sorted by path; symlinks followed only where they stay inside. */
export function listServedFiles(dir: string): ServedFile[] {
  const rootReal = realRoot(dir);
  if (!rootReal) return [];
  const files: ServedFile[] = [];
  const visited = new Set<string>();
  const walk = (realDir: string, relative: string[]) => {
    if (visited.has(realDir)) return; // a symlink loop
    visited.add(realDir);
    let entries: string[];
    try {
      entries = readdirSync(realDir);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      if (isHiddenSegment(name)) continue;
      let real: string;
      try {
        real = realpathSync(path.join(realDir, name));
      } catch {
        continue; // a dangling symlink
      }
      if (!inside(rootReal, real) || path.relative(rootReal, real).split(path.sep).some(isHiddenSegment)) continue;
      const stat = statSync(real, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(real, [...relative, name]);
      else if (stat?.isFile()) files.push({ relative: [...relative, name].join('/'), real });
    }
  };
  walk(rootReal, []);
  return files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
