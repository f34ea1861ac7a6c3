/**
 * (Node) The rules of amoCRM's and Kommo's upload archive, checked on a widget folder: one
 * implementation for the story's strip (where each is a warning: a widget in progress stays
 * testable) and for `amo-workbench validate` / `pack` (where `upload` says how much it weighs).
 * Sources for every rule: docs/upload.md.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FolderProblem } from '../../common/folderProblem.ts';
import { kindOf } from './readFolderFile.ts';
import { shippedFiles } from './shippedFiles.ts';

type Upload = NonNullable<FolderProblem['upload']>;

/**
 * image-size's CommonJS build, loaded on this thread when a logo is first read: Storybook imports the
 * preset through ESM loader hooks on a worker thread, where each of its ~26 ESM files was a round trip.
 */
let imageSizeModule: typeof import('image-size') | undefined;
const imageSize = (bytes: Uint8Array) => (imageSizeModule ??= createRequire(import.meta.url)('image-size') as typeof import('image-size')).imageSize(bytes);

/** The locations amoCRM and Kommo document (a `-0` / `-1` suffix sets the right-hand column use). */
export const KNOWN_LOCATIONS = [
  'lcard',
  'ccard',
  'comcard',
  'cucard',
  'llist',
  'clist',
  'tlist',
  'culist',
  'settings',
  'advanced_settings',
  'card_sdk',
  'catalogs',
  'digital_pipeline',
  'lead_sources',
  'widget_page',
  'sms',
  'mobile_card',
  'salesbot_designer',
  'website_chat_button',
  'everywhere',
  'ai_agent',
  'personal_page',
] as const;

/** Logos: exact pixel sizes, at most 300 KB each. */
export const LOGOS = {
  'logo_main.png': [400, 272],
  'logo_small.png': [108, 108],
  'logo.png': [130, 100],
  'logo_medium.png': [240, 84],
  'logo_min.png': [84, 84],
  'logo_dp.png': [174, 109],
} as const;
export const MAX_LOGO_BYTES = 300 * 1024;

/** Listing limits (characters) amoCRM gives for the marketplace card. */
export const LISTING_LIMITS = { name: 30, short_description: 60, description: 400 } as const;

const CARD_LOCATIONS = new Set(['lcard', 'ccard', 'comcard', 'cucard']);
const I18N_KEY = /^[A-Za-z_][\w-]*(\.[\w-]+)+$/;

export interface UploadInput {
  dir: string;
  /** manifest.json as parsed (any shape), if it parsed. */
  rawManifest?: unknown;
  /** i18n/<lang>.json contents by language. */
  i18n: Record<string, unknown>;
}

const baseName = (location: string) => location.replace(/-[01]$/, '');

export function checkUpload({ dir, rawManifest, i18n }: UploadInput): FolderProblem[] {
  const problems: FolderProblem[] = [];
  const add = (code: FolderProblem['code'], upload: Upload, file: string, message: string, fix: string) =>
    problems.push({ code, severity: 'warning', upload, file, message, fix });
  const manifest = (rawManifest && typeof rawManifest === 'object' ? rawManifest : {}) as Record<string, unknown>;
  const widget = (manifest.widget && typeof manifest.widget === 'object' ? manifest.widget : {}) as Record<string, unknown>;
  const locations = Array.isArray(manifest.locations) ? manifest.locations.filter((l): l is string => typeof l === 'string') : [];
  const locationNames = new Set(locations.map(baseName));

  // Layout.
  if (kindOf(path.join(dir, 'manifest.json')) === 'missing') {
    const nested = safeList(dir).find((name) => kindOf(path.join(dir, name, 'manifest.json')) === 'file');
    if (nested)
      add(
        'manifest-not-at-root',
        'error',
        `${nested}/manifest.json`,
        `manifest.json is inside ${nested}/, not at the root of the folder; the archive must have it at its root.`,
        `Point the command at ${nested}/ (the folder that holds manifest.json).`,
      );
  }
  if (kindOf(path.join(dir, 'script.js')) !== 'file') {
    add(
      'no-script-js',
      'warning',
      'script.js',
      "There is no script.js: amoCRM's structure page lists it as required, Kommo's as optional.",
      'Add a minimal script.js (a widget object with callbacks) if the upload form refuses the archive.',
    );
  }
  if (kindOf(path.join(dir, 'i18n')) !== 'folder')
    add(
      'no-i18n-folder',
      'error',
      'i18n/',
      'There is no i18n/ folder; the archive needs one language file per locale.',
      'Add i18n/<lang>.json for every entry of widget.locale.',
    );
  if (kindOf(path.join(dir, 'images')) !== 'folder')
    add(
      'no-images-folder',
      'error',
      'images/',
      'There is no images/ folder; the upload needs the logos.',
      'Add images/ with logo_main.png (400×272) and logo_small.png (108×108) at least.',
    );

  // What ships.
  const shipped = shippedFiles(dir);
  for (const left of shipped.leftOut) {
    if (left.severity === 'warning')
      add(
        'source-map',
        'warning',
        left.relative,
        `${left.relative} is left out of the archive: ${left.reason}.`,
        'Build without source maps for the upload, or keep them; pack leaves them out either way.',
      );
    else
      problems.push({
        code: 'left-out',
        severity: 'warning',
        upload: 'note',
        file: left.relative,
        message: `${left.relative} is left out of the archive: ${left.reason}.`,
        fix: 'Nothing to do: it never ships.',
      });
  }

  // manifest.json fields the upload form requires beyond what the cabinet needs.
  if (rawManifest !== undefined) {
    const wrong: string[] = [];
    if (widget.interface_version !== 2) wrong.push(`widget.interface_version must be 2 (it is ${JSON.stringify(widget.interface_version)})`);
    if (typeof widget.init_once !== 'boolean') wrong.push(`widget.init_once must be true or false (it is ${JSON.stringify(widget.init_once)})`);
    if (!Array.isArray(widget.locale)) wrong.push('widget.locale must be an array of languages');
    if (typeof widget.installation !== 'boolean') wrong.push('widget.installation must be true or false');
    const support = (widget.support && typeof widget.support === 'object' ? widget.support : {}) as Record<string, unknown>;
    if (!isUrl(support.link)) wrong.push(`widget.support.link must be a URL (it is ${JSON.stringify(support.link)})`);
    if (!isEmail(support.email)) wrong.push(`widget.support.email must be an e-mail address (it is ${JSON.stringify(support.email)})`);
    if (!locations.length) wrong.push('locations must list at least one location');
    if (wrong.length)
      add(
        'manifest-upload-fields',
        'error',
        'manifest.json',
        `${wrong.join('; ')}.`,
        'Complete manifest.json as the upload form requires (support.link and support.email are mandatory since November 2018).',
      );
    const unknown = locations.filter((l) => !(KNOWN_LOCATIONS as readonly string[]).includes(baseName(l)));
    if (unknown.length)
      add(
        'unknown-location',
        'error',
        'manifest.json',
        `locations has ${unknown.map((l) => JSON.stringify(l)).join(', ')}, not a documented location.`,
        `Use documented locations (${KNOWN_LOCATIONS.join(', ')}), with -0 or -1 where a card location takes it.`,
      );
  }

  // i18n: one file per locale entry and no other; manifest values that are keys resolve everywhere.
  const locales = Array.isArray(widget.locale) ? widget.locale.filter((l): l is string => typeof l === 'string') : [];
  const i18nFiles =
    kindOf(path.join(dir, 'i18n')) === 'folder'
      ? safeList(path.join(dir, 'i18n'))
          .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
          .map((f) => f.slice(0, -5))
      : [];
  const missingFiles = locales.filter((l) => !i18nFiles.includes(l));
  const extraFiles = i18nFiles.filter((l) => !locales.includes(l));
  // Without an i18n/ folder, no-i18n-folder has said it; without images/, no-images-folder.
  if (locales.length && i18nFiles.length && (missingFiles.length || extraFiles.length)) {
    add(
      'locale-files',
      'error',
      'i18n/',
      [
        missingFiles.length
          ? `widget.locale lists ${missingFiles.join(', ')} without i18n/${missingFiles[0]}.json${missingFiles.length > 1 ? ' (and the others)' : ''}`
          : '',
        extraFiles.length ? `i18n/ has ${extraFiles.map((l) => `${l}.json`).join(', ')}, which widget.locale does not list` : '',
      ]
        .filter(Boolean)
        .join('; ') + '.',
      'Keep exactly one i18n/<lang>.json per widget.locale entry: the counts must be equal.',
    );
  }
  const keyed = manifestKeys(manifest);
  for (const [where, key] of keyed) {
    const missingIn = Object.entries(i18n)
      .filter(([, value]) => typeof lookup(value, key) !== 'string')
      .map(([lang]) => lang);
    if (missingIn.length)
      add(
        'i18n-key-missing',
        'error',
        'manifest.json',
        `${where} is the i18n key "${key}", which ${missingIn.map((l) => `i18n/${l}.json`).join(', ')} ${missingIn.length === 1 ? 'does' : 'do'} not have.`,
        `Add "${key}" to every language file.`,
      );
  }

  // Logos.
  const needed = logoNeeds(locationNames);
  const hasImages = kindOf(path.join(dir, 'images')) === 'folder';
  for (const [file, [width, height]] of Object.entries(LOGOS)) {
    const rel = `images/${file}`;
    const full = path.join(dir, rel);
    if (kindOf(full) !== 'file') {
      const need = hasImages ? needed[file as keyof typeof LOGOS] : undefined;
      if (need)
        add(
          'logo-missing',
          need.upload,
          rel,
          `${rel} (${width}×${height}) is missing: ${need.why}.`,
          `Add ${rel}, a PNG of exactly ${width}×${height} pixels, at most 300 KB.`,
        );
      continue;
    }
    const bytes = readFileSync(full);
    if (bytes.length > MAX_LOGO_BYTES)
      add(
        'logo-too-large',
        'error',
        rel,
        `${rel} is ${Math.round(bytes.length / 1024)} KB; the upload form takes at most 300 KB.`,
        `Compress ${rel} (fewer colours, an optimiser such as oxipng).`,
      );
    let size: { width?: number; height?: number; type?: string } | undefined;
    try {
      size = imageSize(bytes);
    } catch {
      add('logo-size', 'error', rel, `${rel} is not an image the upload form can read.`, `Save ${rel} as a PNG of ${width}×${height} pixels.`);
      continue;
    }
    if (size.width !== width || size.height !== height)
      add(
        'logo-size',
        'error',
        rel,
        `${rel} is ${size.width}×${size.height} pixels; the upload form wants exactly ${width}×${height}.`,
        `Resize ${rel} to ${width}×${height}.`,
      );
    if (size.type !== 'png')
      add(
        'logo-format',
        'warning',
        rel,
        `${rel} is a ${String(size.type).toUpperCase()} image named .png: amoCRM's pages accept png, jpeg and gif, Kommo's only PNG.`,
        `Save ${rel} as a real PNG.`,
      );
  }

  // Code that moderation rejects: the widget's own scripts minified or obfuscated.
  for (const file of ['personal_page.js', 'script.js']) {
    const full = path.join(dir, file);
    if (kindOf(full) !== 'file' || statSync(full).size < 10 * 1024) continue;
    const text = readFileSync(full, 'utf8');
    const lines = text.split('\n');
    const longest = Math.max(...lines.map((l) => l.length));
    if ((text.length / lines.length > 300 || longest > 5000) && !onlyLibrariesMinified(lines)) {
      add(
        'minified-code',
        'warning',
        file,
        `${file} looks minified or obfuscated (${lines.length} lines, the longest ${longest} characters); moderation asks for the widget's own code readable.`,
        'Upload your own code unminified (bundled libraries aside: say which they are when you submit).',
      );
    }
  }

  // Stylesheets nothing loads: the host runs personal_page.js (and script.js) only, and a
  // library build (Vite's, for one) writes the CSS beside the script rather than into it.
  const stylesheets = shipped.files.filter((f) => /\.css$/i.test(f.relative)).map((f) => f.relative);
  if (stylesheets.length && !shipped.files.some((f) => /\.m?js$/i.test(f.relative) && /\.css\b/i.test(readText(f.real)))) {
    const [first, ...others] = stylesheets;
    add(
      'stylesheet-not-loaded',
      'warning',
      first!,
      `${[first, ...others].join(', ')} ${others.length ? 'are' : 'is'} never loaded: the host runs only the widget's script, and no script of the folder names a .css file, so the widget shows without ${others.length ? 'these styles' : 'this style'} in the cabinet as it does here.`,
      "Load it from personal_page.js (a <link rel=\"stylesheet\"> whose href is resolved against the script's own URL, require.js's module.uri from define's 'module' dependency, with ?v=<version> against caching, as Kommo's style.css page advises), or have the bundler put the CSS into the script (Vite's library build writes it beside the script: add vite-plugin-css-injected-by-js; webpack: style-loader).",
    );
  }

  // Listing limits.
  for (const [field, limit] of Object.entries(LISTING_LIMITS)) {
    const value = widget[field];
    if (typeof value !== 'string') continue;
    const texts = I18N_KEY.test(value) ? Object.entries(i18n).map(([lang, file]) => [lang, lookup(file, value)] as const) : [['', value] as const];
    for (const [lang, text] of texts) {
      if (typeof text === 'string' && [...text].length > limit) {
        add(
          'listing-limit',
          'warning',
          lang ? `i18n/${lang}.json` : 'manifest.json',
          `widget.${field}${lang ? ` in ${lang}` : ''} is ${[...text].length} characters; the marketplace listing shows at most ${limit}.`,
          `Shorten it to ${limit} characters.`,
        );
      }
    }
  }
  return problems;
}

/** Which logos a widget needs, and how much a missing one weighs (the pages disagree on the rest). */
function logoNeeds(locations: Set<string>): Partial<Record<keyof typeof LOGOS, { upload: Upload; why: string }>> {
  const inCards = [...locations].some((l) => CARD_LOCATIONS.has(l));
  return {
    'logo_main.png': { upload: 'error', why: 'required for every widget since November 2018' },
    'logo_small.png': { upload: 'error', why: 'required for every widget since November 2018' },
    'logo.png': { upload: 'warning', why: "amoCRM's structure page lists it; Kommo's images page does not require it" },
    ...(inCards
      ? {
          'logo_medium.png': { upload: 'warning' as const, why: 'the widget works in cards' },
          'logo_min.png': { upload: 'warning' as const, why: 'the widget works in cards' },
        }
      : {}),
    ...(locations.has('digital_pipeline') ? { 'logo_dp.png': { upload: 'warning' as const, why: 'the widget works in the digital pipeline' } } : {}),
  };
}

/** Manifest values that are i18n keys: widget.name, description, short_description, tour description, setting names. */
function manifestKeys(manifest: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const widget = (manifest.widget ?? {}) as Record<string, unknown>;
  for (const field of ['name', 'description', 'short_description']) {
    const value = widget[field];
    if (typeof value === 'string' && I18N_KEY.test(value)) out.push([`widget.${field}`, value]);
  }
  const tour = (manifest.tour ?? {}) as Record<string, unknown>;
  if (typeof tour.tour_description === 'string' && I18N_KEY.test(tour.tour_description)) out.push(['tour.tour_description', tour.tour_description]);
  const settings = manifest.settings && typeof manifest.settings === 'object' ? (manifest.settings as Record<string, unknown>) : {};
  for (const [key, setting] of Object.entries(settings)) {
    const name = (setting as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && I18N_KEY.test(name)) out.push([`settings.${key}.name`, name]);
  }
  return out;
}

function lookup(value: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), value);
}

function isUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isEmail(value: unknown): boolean {
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** A line of minified code; a line of a comment (a license header). */
const LONG_LINE = 200;
const COMMENT_LINE = /^\s*(\*|\/\*|\/\/)/;

/**
 * Whether the long lines are bundled libraries' (Lit, Shoelace and many packages ship minified code)
 * beside readable code of the widget's own: readable lines of code besides them. A minifier over
 * the whole bundle leaves next to none.
 */
function onlyLibrariesMinified(lines: readonly string[]): boolean {
  return lines.filter((line) => line.trim() && line.length <= LONG_LINE && !COMMENT_LINE.test(line)).length >= 10;
}
