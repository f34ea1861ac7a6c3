/**
 * The hostile-folders fixture set (issue "Safe on any network"): widget folders that try to make
 * the workbench serve what it must not, crash, or break the story index. Made at test time in a
 * temporary folder, since git cannot hold most of them (symlinks out of the folder, a 50 MB script,
 * names with U+2028, names that differ only in case on a case-insensitive disk).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST = JSON.stringify({
  widget: { name: 'Hostile', description: 'Hostile', short_description: 'Hostile', version: '1.0.0', interface_version: 2, locale: ['en'], installation: true },
  locations: ['personal_page'],
});
export const script = (text: string) =>
  `define([], function () { return { initLead: function () {}, registerWidgetsBarSlot: function (el) { el.textContent = ${JSON.stringify(text)}; } }; });`;

export const SECRET = 'CLIENT_SECRET=hostile-secret-must-not-be-served';

/** `null` leaves a default file out. */
function widget(dir: string, files: Record<string, string | Buffer | null> = {}, text = path.basename(dir)) {
  mkdirSync(dir, { recursive: true });
  const all = { 'manifest.json': MANIFEST, 'personal_page.js': script(text), ...files };
  for (const [file, content] of Object.entries(all)) {
    if (content === null) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

/** Names that Storybook's ids or a file-name mapping cannot tell apart, and one with a line separator. */
export const CLASHING_NAMES = ['привет', 'пример', 'my widget', 'my_widget', 'Foo', 'foo', 'a.b', 'a-b'];
export const LINE_SEPARATOR_NAME = 'line\u2028globalThis.__hostileRan = true; x';
/** `?` cannot be in a Windows file name. */
export const URL_MARK_NAMES = ['deal #1', ...(process.platform === 'win32' ? [] : ['what?&why=1']), 'a&b;c'];

export interface HostileSet {
  /** The WIDGETS_DIR value: the folder holding every case. */
  widgetsDir: string;
  /** A file outside every widget folder that links point at. */
  outsideFile: string;
}

/** Writes the set into `work`; `huge` adds the 50 MB personal_page.js (unit tests only). */
export function writeHostileFolders(work: string, options: { huge?: boolean } = {}): HostileSet {
  const widgetsDir = path.join(work, 'hostile');
  const outside = path.join(work, 'outside');
  mkdirSync(outside, { recursive: true });
  const outsideFile = path.join(outside, 'private.txt');
  writeFileSync(outsideFile, 'private file outside the widget folder');

  // Files that must never be served: dotfiles, a dot-folder, node_modules, a link out of the folder.
  widget(path.join(widgetsDir, 'dotfiles'), {
    '.env': SECRET,
    '.git/config': '[core]\n\tsecret = yes\n',
    'node_modules/pkg/index.js': 'secret',
    'mocks/handlers.js': 'export const handlers = [];',
    'personal_page.js.map': '{}',
  });
  symlinkSync(outsideFile, path.join(widgetsDir, 'dotfiles', 'linked-private.txt'));
  symlinkSync(outside, path.join(widgetsDir, 'dotfiles', 'linked-dir'));
  // Files of the wrong kind or content.
  widget(path.join(widgetsDir, 'manifest-is-folder'), { 'manifest.json': null, 'manifest.json/x': 'x' });
  widget(path.join(widgetsDir, 'i18n-json-is-folder'), { 'i18n/en.json/x': 'x' });
  widget(path.join(widgetsDir, 'i18n-is-file'), { i18n: 'not a folder' });
  widget(path.join(widgetsDir, 'deep-json'), { 'i18n/en.json': `${'['.repeat(5000)}${']'.repeat(5000)}` });
  widget(path.join(widgetsDir, 'invalid-utf8'), { 'i18n/en.json': Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
  widget(path.join(widgetsDir, 'empty-manifest'), { 'manifest.json': '' });
  widget(path.join(widgetsDir, 'empty-script'), { 'personal_page.js': '' });
  if (options.huge) widget(path.join(widgetsDir, 'huge-script'), { 'personal_page.js': `${script('huge')}\n//${'x'.repeat(50 * 1024 * 1024)}\n` });
  // Names.
  for (const name of CLASHING_NAMES) widget(path.join(widgetsDir, name));
  widget(path.join(widgetsDir, LINE_SEPARATOR_NAME), {}, 'line separator');
  // Characters a URL reads as a hash, a query or a separator: Vite cannot import the mocks of the
  // first two, and a static server may leave any of them percent-encoded in a path.
  for (const name of URL_MARK_NAMES) widget(path.join(widgetsDir, name), { 'mocks/handlers.js': 'export const handlers = [];' });
  // A symlinked widget folder (a link to a build output), and a link whose target does not exist.
  widget(path.join(outside, 'build-output'), {}, 'linked build output');
  symlinkSync(path.join(outside, 'build-output'), path.join(widgetsDir, 'linked-widget'));
  symlinkSync(path.join(outside, 'not-built-yet'), path.join(widgetsDir, 'dangling-link'));
  return { widgetsDir, outsideFile };
}
