/**
 * Everything the workbench knows about one widget folder, read from disk: the manifest (checked
 * against the schema), the i18n files (checked for the same key structure), the script, the
 * folder's own mocks, and every problem found, each with its fix.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FolderProblem } from '../../common/folderProblem.ts';
import { checkManifest, type CheckManifest } from './checkManifest.ts';
import type { Manifest } from './manifestSchema.ts';
import { readJsonFile } from './readJsonFile.ts';
import { kindOf } from './readFolderFile.ts';
import { listServedFiles, realRoot } from './servedFiles.ts';
import { checkUpload } from './uploadRules.ts';
import type { StateSpec } from '../../common/stateSpec.ts';
import { checkStates, folderStates, type CheckStates } from './widgetStates.ts';

/** Above this, personal_page.js gets a warning: the cabinet downloads and evaluates it on every page. */
export const LARGE_SCRIPT_BYTES = 5 * 1024 * 1024;

export interface WidgetFolder {
  /** The folder's name: the story is `Widgets/<name>`. */
  name: string;
  /** Where the folder is (a symlinked folder: the link). */
  dir: string;
  /** The folder as shown to the developer and in a build: relative to the project or WIDGETS_DIR, never absolute. */
  place: string;
  /** personal_page.js exists. */
  hasScript: boolean;
  /** A hash of personal_page.js: part of the generated story, so an edit re-renders it. */
  scriptVersion?: string;
  manifest?: Manifest;
  /** manifest.json as parsed, whatever its shape (the upload rules read it even when the schema fails). */
  rawManifest?: unknown;
  /** i18n/<lang>.json contents by language. */
  i18n: Record<string, unknown>;
  /** The widget's own MSW handlers (`mocks/handlers.{ts,js,mjs}` exporting `handlers`), if any. */
  mocksFile?: string;
  /** The states its stories show (widgetStates.ts): the workbench's and the folder's workbench.states.json. */
  states: StateSpec[];
  problems: FolderProblem[];
}

const MOCKS_FILES = ['handlers.ts', 'handlers.js', 'handlers.mjs'].map((file) => path.join('mocks', file));

export function findMocksFile(dir: string): string | undefined {
  return MOCKS_FILES.map((file) => path.join(dir, file)).find((file) => kindOf(file) === 'file');
}

/**
 * The version the story loads the widget under (`personal_page.js?v=...`): every file the folder
 * serves, not only the script, so a rebuild that changes only a chunk whose name stays the same
 * (webpack's default `[id].js`) loads the widget anew too. Source maps are left out. Bytes, not dates:
 * the same folder gives the same generated story on every machine.
 */
function folderVersion(dir: string, script: Buffer): string {
  const hash = createHash('sha256').update(script);
  for (const file of listServedFiles(dir)) {
    if (file.relative === 'personal_page.js' || file.relative.endsWith('.map')) continue;
    try {
      hash.update(`\0${file.relative}\0`).update(readFileSync(file.real));
    } catch {
      // unreadable: it has its own problem where it matters; the version goes on without it
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * The mocks file, unless its path holds `#` or `?`: Vite reads those as the start of a hash or a
 * query, and does not support `#` in the paths of a project's own files (vitejs/vite#6763), so the
 * generated story's import would break the page (`#`) or the whole build (`?`). The story runs
 * without the handlers, and says why.
 */
function importableMocks(file: string | undefined, problems: FolderProblem[]): string | undefined {
  if (!file) return undefined;
  const paths = [file, realRoot(file) ?? file];
  const mark = paths.join('').match(/[#?]/)?.[0];
  if (!mark) return file;
  const relative = `${path.basename(path.dirname(file))}/${path.basename(file)}`;
  problems.push({
    code: 'mocks-path',
    upload: 'warning',
    file: relative,
    message: `${relative} is in a folder whose path holds "${mark}", which Vite cannot import from: the story runs without these handlers, so the widget's backend requests are unmocked.`,
    fix: `Rename the folder (or the folder holding it) without "#" and "?".`,
  });
  return undefined;
}

/** How a folder's manifest.json and workbench.states.json are checked. */
export interface FolderChecks {
  manifest: CheckManifest;
  states: CheckStates;
}

/** Without a cache (the preset passes cached ones: manifestCheckCache.ts, statesCheckCache.ts). */
export const UNCACHED_CHECKS: FolderChecks = { manifest: checkManifest, states: checkStates };

export function readWidgetFolder(dir: string, checks: FolderChecks = UNCACHED_CHECKS, place = path.basename(dir)): WidgetFolder {
  const problems: FolderProblem[] = [];
  const folder: WidgetFolder = { name: path.basename(dir), dir, place, hasScript: false, i18n: {}, states: [], problems };

  if (existsSync(path.join(dir, 'manifest.json'))) {
    const raw = readJsonFile(dir, 'manifest.json', problems);
    if (raw !== undefined) {
      folder.rawManifest = raw;
      const checked = checks.manifest(raw);
      folder.manifest = checked.manifest;
      problems.push(...checked.problems);
    }
  } else {
    problems.push({
      code: 'no-manifest',
      file: 'manifest.json',
      message: 'The folder has no manifest.json.',
      fix: 'Add manifest.json with a "widget" block and "locations": ["personal_page"].',
    });
  }

  const script = path.join(dir, 'personal_page.js');
  const scriptKind = kindOf(script);
  if (scriptKind === 'file') {
    try {
      const bytes = readFileSync(script);
      folder.hasScript = true;
      folder.scriptVersion = folderVersion(dir, bytes);
      if (bytes.length === 0) {
        problems.push({
          code: 'empty-file',
          file: 'personal_page.js',
          message: 'personal_page.js is empty: it defines no module.',
          fix: 'Write the widget module: define([...], function () { return { initLead, registerWidgetsBarSlot }; }).',
        });
      } else if (bytes.length > LARGE_SCRIPT_BYTES) {
        problems.push({
          code: 'large-script',
          severity: 'warning',
          file: 'personal_page.js',
          message: `personal_page.js is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the cabinet downloads and evaluates it on every page load.`,
          fix: 'Build it minified, leave out what the host already provides (react, jquery, lodash, ...: define them as host modules), or load parts on demand.',
        });
      }
    } catch (error) {
      problems.push({
        code: 'unreadable-file',
        file: 'personal_page.js',
        message: `personal_page.js cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
        fix: "Check the file's permissions.",
      });
    }
  } else if (scriptKind !== 'missing') {
    problems.push({
      code: 'not-a-file',
      file: 'personal_page.js',
      message: 'personal_page.js is a folder, not a file.',
      fix: "Replace it with the widget module personal_page.js (a build output folder? point at the file's folder).",
    });
  } else {
    problems.push({
      code: 'no-script',
      file: 'personal_page.js',
      message: 'The folder has no personal_page.js, the module the client cabinet loads.',
      fix: 'Add personal_page.js next to manifest.json (or point WIDGETS_DIR at your build output).',
    });
  }

  folder.i18n = readI18n(dir, problems);
  folder.mocksFile = importableMocks(findMocksFile(dir), problems);
  const states = folderStates(dir, folder.mocksFile !== undefined, checks.states);
  folder.states = states.states;
  problems.push(...states.problems);
  // The upload's rules too: warnings here, each with its own weight for validate and pack.
  problems.push(...checkUpload({ dir, rawManifest: folder.rawManifest, i18n: folder.i18n }));
  return folder;
}

function readI18n(dir: string, problems: FolderProblem[]): Record<string, unknown> {
  const i18nDir = path.join(dir, 'i18n');
  const kind = kindOf(i18nDir);
  if (kind === 'missing') return {};
  if (kind !== 'folder') {
    problems.push({
      code: 'not-a-folder',
      file: 'i18n',
      message: 'i18n is a file, not a folder.',
      fix: 'Make i18n a folder with one <lang>.json per language (en.json, ru.json, ...).',
    });
    return {};
  }
  let names: string[];
  try {
    names = readdirSync(i18nDir);
  } catch (error) {
    problems.push({
      code: 'unreadable-file',
      file: 'i18n/',
      message: `The i18n folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      fix: "Check the folder's permissions.",
    });
    return {};
  }
  const files: Record<string, unknown> = {};
  for (const file of names.filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort()) {
    const value = readJsonFile(dir, `i18n/${file}`, problems);
    if (value !== undefined) files[file.replace(/\.json$/, '')] = value;
  }
  const keys = Object.fromEntries(Object.entries(files).map(([lang, value]) => [lang, new Set(flatKeys(value))]));
  const all = new Set(Object.values(keys).flatMap((set) => [...set]));
  const differences = Object.entries(keys)
    .map(([lang, set]) => [lang, [...all].filter((key) => !set.has(key))] as const)
    .filter(([, missing]) => missing.length);
  if (differences.length) {
    problems.push({
      code: 'i18n-keys',
      file: 'i18n/',
      message: `The i18n files differ in their keys: ${differences.map(([lang, missing]) => `${lang}.json lacks ${missing.join(', ')}`).join('; ')}.`,
      fix: 'Give every language file the same keys, so no language shows a raw key.',
    });
  }
  return files;
}

function flatKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => flatKeys(child, prefix ? `${prefix}.${key}` : key));
}
