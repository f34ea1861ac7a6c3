/**
 * Everything the workbench knows about one widget folder, read from disk: the manifest (checked
 * against the schema), the i18n files (checked for the same key structure), the script, the
 * folder's own mocks, and every problem found, each with its fix.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FolderProblem } from './folderProblem.ts';
import { manifestSchema, type Manifest } from './manifestSchema.ts';
import { readJsonFile } from './readJsonFile.ts';

export interface WidgetFolder {
  /** The folder's name: the story is `Widgets/<name>`. */
  name: string;
  dir: string;
  /** personal_page.js exists. */
  hasScript: boolean;
  /** A hash of personal_page.js: part of the generated story, so an edit re-renders it. */
  scriptVersion?: string;
  manifest?: Manifest;
  /** i18n/<lang>.json contents by language. */
  i18n: Record<string, unknown>;
  /** The widget's own MSW handlers (`mocks/handlers.{ts,js,mjs}` exporting `handlers`), if any. */
  mocksFile?: string;
  problems: FolderProblem[];
}

const MOCKS_FILES = ['handlers.ts', 'handlers.js', 'handlers.mjs'].map((file) => path.join('mocks', file));

export function findMocksFile(dir: string): string | undefined {
  return MOCKS_FILES.map((file) => path.join(dir, file)).find((file) => existsSync(file));
}

/** A folder is a widget folder (perhaps a broken one) when it has a manifest.json or a personal_page.js. */
export function looksLikeWidgetFolder(dir: string): boolean {
  return existsSync(path.join(dir, 'manifest.json')) || existsSync(path.join(dir, 'personal_page.js'));
}

export function readWidgetFolder(dir: string): WidgetFolder {
  const problems: FolderProblem[] = [];
  const folder: WidgetFolder = { name: path.basename(dir), dir, hasScript: false, i18n: {}, problems };

  if (existsSync(path.join(dir, 'manifest.json'))) {
    const raw = readJsonFile(dir, 'manifest.json', problems);
    if (raw !== undefined) folder.manifest = checkManifest(raw, problems);
  } else {
    problems.push({
      code: 'no-manifest',
      file: 'manifest.json',
      message: 'The folder has no manifest.json.',
      fix: 'Add manifest.json with a "widget" block and "locations": ["personal_page"].',
    });
  }

  const script = path.join(dir, 'personal_page.js');
  if (existsSync(script)) {
    folder.hasScript = true;
    folder.scriptVersion = createHash('sha256').update(readFileSync(script)).digest('hex').slice(0, 12);
  } else {
    problems.push({
      code: 'no-script',
      file: 'personal_page.js',
      message: 'The folder has no personal_page.js, the module the client cabinet loads.',
      fix: 'Add personal_page.js next to manifest.json (or point WIDGETS_DIR at your build output).',
    });
  }

  folder.i18n = readI18n(dir, problems);
  folder.mocksFile = findMocksFile(dir);
  return folder;
}

function checkManifest(raw: unknown, problems: FolderProblem[]): Manifest | undefined {
  const result = manifestSchema.safeParse(raw);
  const locations = (raw as { locations?: unknown } | null)?.locations;
  if (Array.isArray(locations) && !locations.includes('personal_page')) {
    problems.push({
      code: 'no-personal-page-location',
      file: 'manifest.json',
      message: `"locations" does not include "personal_page" (it has: ${locations.join(', ') || 'nothing'}).`,
      fix: 'Add "personal_page" to "locations", or the client cabinet never loads the widget.',
    });
  }
  if (result.success) return result.data;
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const issue of result.error.issues) {
    const where = issue.path.join('.');
    if (where === 'widget.version' && issue.code === 'custom') {
      const version = (raw as { widget?: { version?: unknown } }).widget?.version;
      problems.push({
        code: 'bad-version',
        file: 'manifest.json',
        message: `widget.version ${JSON.stringify(version)} is not a version.`,
        fix: 'Use a semantic version such as "1.0.0".',
      });
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      missing.push(where);
    } else {
      wrong.push(`${where}: ${issue.message}`);
    }
  }
  if (missing.length || wrong.length) {
    problems.push({
      code: 'manifest-fields',
      file: 'manifest.json',
      message: [missing.length ? `Required fields missing: ${missing.join(', ')}.` : '', wrong.length ? `Wrong values: ${wrong.join('; ')}.` : '']
        .filter(Boolean)
        .join(' '),
      fix: 'Every widget needs widget.name, description, short_description, version, interface_version, locale, installation, and "locations".',
    });
  }
  return undefined;
}

function readI18n(dir: string, problems: FolderProblem[]): Record<string, unknown> {
  const i18nDir = path.join(dir, 'i18n');
  if (!existsSync(i18nDir)) return {};
  const files: Record<string, unknown> = {};
  for (const file of readdirSync(i18nDir).filter((f) => f.endsWith('.json')).sort()) {
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
