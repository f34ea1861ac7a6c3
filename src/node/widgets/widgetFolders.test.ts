import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverWidgets, formatSkipped } from './discoverWidgets';
import { readWidgetFolder } from './readWidgetFolder';
import { FOLDER_LIST_FILE, identifyWidgets, writeWidgetStories } from './widgetStoryFiles';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-folders-'));
  temps.push(dir);
  return dir;
}

function widget(parent: string, name: string, files: Record<string, string>): string {
  const dir = path.join(parent, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const MANIFEST = JSON.stringify({
  widget: {
    name: 'widget.name',
    description: 'widget.description',
    short_description: 'widget.short',
    version: '1.0.0',
    interface_version: 2,
    locale: ['ru', 'en'],
    installation: true,
  },
  locations: ['personal_page'],
});
const JS = 'define([], function () { return { initLead() {}, registerWidgetsBarSlot() {} }; });';
const OK = { 'manifest.json': MANIFEST, 'personal_page.js': JS };

describe('discoverWidgets', () => {
  it('finds the folders in widgets/ and in every WIDGETS_DIR entry, relative or absolute', () => {
    const root = tempDir();
    widget(path.join(root, 'widgets'), 'alpha', OK);
    const outside = tempDir();
    widget(outside, 'beta', { ...OK, 'mocks/handlers.js': 'export const handlers = [];' });
    widget(path.join(root, 'more'), 'gamma', OK);
    const { widgets, skipped } = discoverWidgets({ root, widgetsDirEnv: `${outside}${path.delimiter}more` });
    expect(widgets.map((w) => w.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(widgets.every((w) => w.problems.filter((p) => !p.upload).length === 0)).toBe(true);
    expect(widgets.find((w) => w.name === 'beta')).toMatchObject({
      dir: path.join(outside, 'beta'),
      mocksFile: path.join(outside, 'beta', 'mocks', 'handlers.js'),
    });
    expect(skipped).toEqual([]);
  });

  it('accepts a WIDGETS_DIR entry that is itself a widget folder', () => {
    const dir = widget(tempDir(), 'solo', OK);
    expect(discoverWidgets({ root: tempDir(), widgetsDirEnv: dir }).widgets.map((w) => w.dir)).toEqual([dir]);
  });

  it('skips folders that are no widget folder and a missing WIDGETS_DIR; a second folder of a taken name gets a suffix and a note', () => {
    const root = tempDir();
    widget(path.join(root, 'widgets'), 'same', OK);
    mkdirSync(path.join(root, 'widgets', 'assets'));
    const other = tempDir();
    widget(other, 'same', OK);
    const { widgets, skipped } = discoverWidgets({ root, widgetsDirEnv: `${other}${path.delimiter}/does/not/exist` });
    expect(widgets).toHaveLength(2);
    const reasons = skipped.map((s) => s.reason);
    expect(reasons).toContain('neither manifest.json nor personal_page.js in it');
    expect(reasons).toContain('WIDGETS_DIR names a folder that does not exist');
    const identities = identifyWidgets(widgets).map((e) => e.identity);
    expect(identities.map((i) => i.title)).toEqual(['Widgets/same', 'Widgets/same (2)']);
    expect(identities.map((i) => i.id)).toEqual(['widgets-same', 'widgets-same-2']);
    expect(widgets[1]!.problems.filter((p) => !p.upload).map((p) => [p.code, p.severity])).toEqual([['duplicate-name', 'warning']]);
    expect(formatSkipped(skipped)[0]).toMatch(/^\[workbench\] skipped widget folder .+: /);
  });
});

describe('folder checks', () => {
  // The folder checks; the upload rules (warnings with an `upload` weight) are tested in upload.test.ts.
  const problemsOf = (files: Record<string, string>) => readWidgetFolder(widget(tempDir(), 'w', files)).problems.filter((p) => !p.upload);
  const manifest = (patch: (m: Record<string, any>) => void) => {
    const m = JSON.parse(MANIFEST);
    patch(m);
    return JSON.stringify(m, null, 2);
  };

  it('a sound folder has no problems and its i18n is read', () => {
    const folder = readWidgetFolder(widget(tempDir(), 'w', { ...OK, 'i18n/en.json': '{"widget":{"name":"W"}}', 'i18n/ru.json': '{"widget":{"name":"В"}}' }));
    expect(folder.problems.filter((p) => !p.upload)).toEqual([]);
    expect(folder.i18n).toEqual({ en: { widget: { name: 'W' } }, ru: { widget: { name: 'В' } } });
    expect(folder.scriptVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it('versions the widget by every file it serves, so a rebuilt chunk under the same name loads anew; not by source maps', () => {
    const dir = widget(tempDir(), 'w', { ...OK, 'chunks/1.js': 'one', 'personal_page.js.map': '{}' });
    const before = readWidgetFolder(dir).scriptVersion;
    writeFileSync(path.join(dir, 'personal_page.js.map'), '{"version":3}');
    expect(readWidgetFolder(dir).scriptVersion).toBe(before);
    writeFileSync(path.join(dir, 'chunks/1.js'), 'two');
    expect(readWidgetFolder(dir).scriptVersion).not.toBe(before);
  });

  it('personal_page missing from locations', () => {
    expect(problemsOf({ ...OK, 'manifest.json': manifest((m) => (m.locations = ['lcard-1'])) })).toEqual([
      {
        code: 'no-personal-page-location',
        file: 'manifest.json',
        message: '"locations" does not include "personal_page" (it has: lcard-1).',
        fix: 'Add "personal_page" to "locations", or the client cabinet never loads the widget.',
      },
    ]);
  });

  it('personal_page.js missing', () => {
    expect(problemsOf({ 'manifest.json': MANIFEST })).toMatchObject([
      { code: 'no-script', message: 'The folder has no personal_page.js, the module the client cabinet loads.' },
    ]);
  });

  it('no manifest.json', () => {
    expect(problemsOf({ 'personal_page.js': JS })).toMatchObject([{ code: 'no-manifest', message: 'The folder has no manifest.json.' }]);
  });

  it('invalid JSON, with line and column', () => {
    const [problem] = problemsOf({ ...OK, 'manifest.json': '{\n  "widget": {\n    "name": "x"\n    "version": "1.0.0"\n  }\n}' });
    expect(problem).toMatchObject({ code: 'invalid-json', file: 'manifest.json' });
    expect(problem!.message).toBe('manifest.json is not valid JSON at line 4, column 5: a comma is missing.');
    expect(problem!.fix).toBe('Fix the JSON syntax at manifest.json:4:5 (a missing comma or quote, or a trailing comma).');
  });

  it('invalid JSON in an i18n file', () => {
    expect(problemsOf({ ...OK, 'i18n/en.json': '{"a": }' })[0]!.message).toMatch(/^i18n\/en\.json is not valid JSON at line 1, column 7/);
  });

  it('i18n files whose key structure differs, naming the keys', () => {
    expect(
      problemsOf({
        ...OK,
        'i18n/en.json': '{"widget":{"name":"W","description":"D"},"settings":{"api":"API"}}',
        'i18n/ru.json': '{"widget":{"name":"В"},"settings":{"api":"API","extra":"x"}}',
      }),
    ).toMatchObject([{ code: 'i18n-keys', message: 'The i18n files differ in their keys: en.json lacks settings.extra; ru.json lacks widget.description.' }]);
  });

  it('widget.version that is not a version', () => {
    expect(problemsOf({ ...OK, 'manifest.json': manifest((m) => (m.widget.version = 'v1')) })).toMatchObject([
      { code: 'bad-version', message: 'widget.version "v1" is not a version.', fix: 'Use a semantic version such as "1.0.0".' },
    ]);
  });

  it('required manifest fields missing, and wrong values (schema)', () => {
    const problems = problemsOf({
      ...OK,
      'manifest.json': manifest((m) => {
        delete m.widget.short_description;
        delete m.widget.installation;
        m.widget.interface_version = 'two';
      }),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'manifest-fields' });
    expect(problems[0]!.message).toMatch(
      /^Required fields missing: widget\.short_description, widget\.installation\. Wrong values: widget\.interface_version: /,
    );
  });

  it('a file with a BOM', () => {
    expect(problemsOf({ ...OK, 'manifest.json': `\uFEFF${MANIFEST}` })).toEqual([
      {
        code: 'bom',
        file: 'manifest.json',
        message: 'manifest.json starts with a byte-order mark (BOM).',
        fix: 'Save the file as UTF-8 without BOM; amoCRM rejects or misreads such files.',
      },
    ]);
  });
});

describe('writeWidgetStories', () => {
  it('writes one CSF file per widget titled Widgets/<name>, and removes files of folders gone', () => {
    const out = tempDir();
    const src = path.join(tempDir(), 'src');
    const a = readWidgetFolder(widget(tempDir(), 'hello-world', OK));
    const b = readWidgetFolder(widget(tempDir(), 'b', OK));
    const [ea, eb] = identifyWidgets([a, b]);
    writeWidgetStories([ea!, eb!], out, src);
    // Beside the stories, the folder list hand-written stories read (folderParameters).
    expect(readdirSync(out).sort()).toEqual([eb!.identity.fileName, ea!.identity.fileName, FOLDER_LIST_FILE].sort());
    expect(readFileSync(path.join(out, FOLDER_LIST_FILE), 'utf8')).toContain('"name":"hello-world"');
    expect(ea!.identity.fileName).toMatch(/^widgets-hello-world-[0-9a-f]{8}\.stories\.ts$/);
    const source = readFileSync(path.join(out, ea!.identity.fileName), 'utf8');
    expect(source).toContain('title: "Widgets/hello-world"');
    expect(source).toContain('id: "widgets-hello-world"');
    expect(source).toContain('export const Default: StoryObj = { name: "Default", ...widgetStateStory({"name":"Default","exportName":"Default"}) };');
    expect(source).toContain('export const DealWithoutCompany: StoryObj = { name: "Deal without company", tags: ["widget-state"]');
    expect(source).toContain(`"scriptVersion": "${a.scriptVersion}"`);
    writeWidgetStories([eb!], out, src);
    expect(readdirSync(out).sort()).toEqual([eb!.identity.fileName, FOLDER_LIST_FILE].sort());
    expect(readFileSync(path.join(out, FOLDER_LIST_FILE), 'utf8')).not.toContain('"name":"hello-world"');
  });
});
