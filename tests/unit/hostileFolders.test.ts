/**
 * The hostile-folders set (tests/support/hostileFolders.ts), read as the dev server and a build
 * read it: every bad case is a folder problem naming the file and the fix, never an exception;
 * every folder gets one sidebar entry with a unique, stable id; generated code stays code-free;
 * the served-files rule refuses what must not leave the folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cachedCheckManifest } from '../../src/node/widgets/manifestCheckCache';
import { discoverWidgets, type Discovery } from '../../src/node/widgets/discoverWidgets';
import { listServedFiles, resolveServedFile } from '../../src/node/widgets/servedFiles';
import { identifyWidgets, widgetStorySource, type IdentifiedWidget } from '../../src/node/widgets/widgetStoryFiles';
import { CLASHING_NAMES, LINE_SEPARATOR_NAME, URL_MARK_NAMES, writeHostileFolders, type HostileSet } from '../support/hostileFolders';

let work: string;
let set: HostileSet;
let discovery: Discovery;
let entries: IdentifiedWidget[];

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'wb-hostile-'));
  set = writeHostileFolders(work, { huge: true });
  discovery = discoverWidgets({ root: path.join(work, 'project'), widgetsDirEnv: set.widgetsDir });
  entries = identifyWidgets(discovery.widgets);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The folder checks (the upload rules, warnings with an `upload` weight, are tested in upload.test.ts).
const folderChecks = (name: string) => discovery.widgets.find((w) => w.name === name)!.problems.filter((p) => !p.upload);
const problemsOf = (name: string) => folderChecks(name).map((p) => ({ code: p.code, file: p.file, severity: p.severity ?? 'error' }));

describe('bad folders become folder problems, never crashes', () => {
  it.each([
    ['manifest-is-folder', { code: 'not-a-file', file: 'manifest.json', severity: 'error' }],
    ['i18n-json-is-folder', { code: 'not-a-file', file: 'i18n/en.json', severity: 'error' }],
    ['i18n-is-file', { code: 'not-a-folder', file: 'i18n', severity: 'error' }],
    ['deep-json', { code: 'json-too-deep', file: 'i18n/en.json', severity: 'error' }],
    ['invalid-utf8', { code: 'invalid-utf8', file: 'i18n/en.json', severity: 'error' }],
    ['empty-manifest', { code: 'empty-file', file: 'manifest.json', severity: 'error' }],
    ['empty-script', { code: 'empty-file', file: 'personal_page.js', severity: 'error' }],
    ['huge-script', { code: 'large-script', file: 'personal_page.js', severity: 'warning' }],
  ])('%s', (name, problem) => {
    expect(problemsOf(name)).toEqual([problem]);
    const full = folderChecks(name)[0]!;
    expect(full.message).toContain(problem.file);
    expect(full.fix.length).toBeGreaterThan(10);
  });

  it('names mocks Vite cannot import (a path with # or ?), and the story runs without them', () => {
    for (const name of URL_MARK_NAMES) {
      const widget = discovery.widgets.find((w) => w.name === name)!;
      const mark = name.includes('#') ? '#' : name.includes('?') ? '?' : undefined;
      const problems = widget.problems.filter((p) => p.code === 'mocks-path');
      if (!mark) {
        expect(problems).toEqual([]);
        expect(widget.mocksFile).toBeDefined();
        continue;
      }
      expect(problems).toEqual([expect.objectContaining({ file: 'mocks/handlers.js', upload: 'warning' })]);
      expect(problems[0]!.message).toContain(`holds "${mark}", which Vite cannot import from`);
      expect(widget.mocksFile).toBeUndefined();
    }
  });

  it('says where invalid UTF-8 starts and how deep the JSON goes', () => {
    const message = (name: string) => folderChecks(name)[0]!.message;
    expect(message('invalid-utf8')).toBe('i18n/en.json is not valid UTF-8 (first bad byte at offset 6).');
    expect(message('deep-json')).toBe('i18n/en.json nests objects or arrays 5000 levels deep; the workbench reads at most 64.');
    expect(message('huge-script')).toMatch(/^personal_page\.js is 50\.0 MB; /);
  });

  it('follows a symlinked widget folder, named after the link; a dangling link is skipped with a reason', () => {
    const linked = discovery.widgets.find((w) => w.name === 'linked-widget')!;
    expect(linked.problems.filter((p) => !p.upload)).toEqual([]);
    expect(linked.place).toBe('$WIDGETS_DIR/linked-widget');
    expect(discovery.skipped).toEqual([
      { dir: '$WIDGETS_DIR/dangling-link', reason: 'a symbolic link whose target does not exist (a build output not built yet?)' },
    ]);
  });
});

describe('every folder gets exactly one sidebar entry with a stable, unique id', () => {
  it('keeps the name and Storybook id of names that clash with none; suffixes only the ones that do', () => {
    const byName = Object.fromEntries(entries.map((e) => [e.widget.name, e.identity]));
    expect(entries).toHaveLength(discovery.widgets.length);
    expect(new Set(entries.map((e) => e.identity.id)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.identity.fileName)).size).toBe(entries.length);
    expect(byName['привет']).toMatchObject({ title: 'Widgets/привет', id: 'widgets-привет' });
    expect(byName['пример']).toMatchObject({ title: 'Widgets/пример', id: 'widgets-пример' });
    expect(byName['linked-widget']).toMatchObject({ title: 'Widgets/linked-widget', id: 'widgets-linked-widget' });
    // Sorted by code point: 'Foo' < 'foo', 'a-b' < 'a.b', 'my widget' < 'my_widget'.
    expect([byName.Foo, byName.foo].map((i) => [i!.title, i!.id])).toEqual([
      ['Widgets/Foo', 'widgets-foo'],
      ['Widgets/foo (2)', 'widgets-foo-2'],
    ]);
    expect([byName['a-b'], byName['a.b']].map((i) => i!.id)).toEqual(['widgets-a-b', 'widgets-a-b-2']);
    expect([byName['my widget'], byName.my_widget].map((i) => i!.id)).toEqual(['widgets-my-widget', 'widgets-my-widget-2']);
    const note = folderChecks('foo');
    expect(note).toEqual([expect.objectContaining({ code: 'duplicate-name', severity: 'warning' })]);
    expect(note[0]!.message).toContain('shown as "foo (2)"');
  });

  it('serves a name a URL would read as a hash, a query or a separator under ~ and its id; other names as they are', () => {
    const byName = Object.fromEntries(entries.map((e) => [e.widget.name, e.identity]));
    expect(URL_MARK_NAMES.map((name) => byName[name]!.segment)).toEqual(URL_MARK_NAMES.map((name) => `~${byName[name]!.id}`));
    expect(byName['deal #1']).toMatchObject({ title: 'Widgets/deal #1', segment: '~widgets-deal-1' });
    for (const name of ['привет', 'my widget', 'a.b']) expect(byName[name]!.segment).toBe(byName[name]!.key);
    expect(byName['a.b']!.segment).toBe('a.b (2)');
    expect(new Set(entries.map((e) => e.identity.segment)).size).toBe(entries.length);
  });

  it('gives the same ids on another run and in another order', () => {
    const again = identifyWidgets([...discoverWidgets({ root: path.join(work, 'project'), widgetsDirEnv: set.widgetsDir }).widgets].reverse());
    const ids = (list: IdentifiedWidget[]) => Object.fromEntries(list.map((e) => [e.widget.name, [e.identity.id, e.identity.fileName]]));
    expect(ids(again)).toEqual(ids(entries));
    expect(CLASHING_NAMES.every((name) => ids(again)[name])).toBe(true);
  });

  it('writes story files that parse, with every line terminator escaped and no absolute path', () => {
    for (const entry of entries) {
      const source = widgetStorySource(entry, '../src/preview/widgetFolderStory', entry.widget.mocksFile ? './mocks.js' : undefined);
      expect(source).not.toMatch(/[\u2028\u2029]/);
      expect(source).not.toContain(work);
      const program = parseAst(source, { lang: 'ts' });
      // Imports, the folder constant, meta, its export, a story per state and the overview: nothing a name could add.
      const states = entry.widget.states.length + 1;
      expect(program.body.map((node) => node.type).filter((t) => t !== 'ImportDeclaration')).toEqual([
        'VariableDeclaration',
        'VariableDeclaration',
        'ExportDefaultDeclaration',
        ...Array(states).fill('ExportNamedDeclaration'),
      ]);
    }
    const separator = entries.find((e) => e.widget.name === LINE_SEPARATOR_NAME)!;
    expect(widgetStorySource(separator, 'x')).toContain('line\\u2028globalThis.__hostileRan = true; x');
  });
});

describe('served = what the widget ships', () => {
  const dir = () => path.join(set.widgetsDir, 'dotfiles');
  it.each([
    '.env',
    '.git/config',
    'node_modules/pkg/index.js',
    'linked-private.txt',
    'linked-dir/private.txt',
    '%2e%2e/%2e%2e/outside/private.txt',
    '..%2f..%2foutside%2fprivate.txt',
    'mocks/..%2f.env',
    '%2eenv',
    'mocks/../.env',
    '',
  ])('404: %s', (request) => {
    expect(resolveServedFile(dir(), request)).toBeUndefined();
  });

  it('serves the widget, its mocks and source maps', () => {
    for (const file of ['personal_page.js', 'manifest.json', 'mocks/handlers.js', 'personal_page.js.map']) expect(resolveServedFile(dir(), file)).toBeDefined();
    expect(listServedFiles(dir()).map((f) => f.relative)).toEqual(['manifest.json', 'mocks/handlers.js', 'personal_page.js', 'personal_page.js.map']);
  });

  it('follows a symlinked widget folder: its target is the root', () => {
    expect(listServedFiles(path.join(set.widgetsDir, 'linked-widget')).map((f) => f.relative)).toEqual(['manifest.json', 'personal_page.js']);
  });
});

describe('caches never break a start', () => {
  it('checks manifests when the cache folder cannot be written, with one warning', () => {
    const blocked = path.join(work, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const raw = (name: string) => ({
      widget: { name, description: 'd', short_description: 's', version: '1.0.0', interface_version: 2, locale: ['en'], installation: true },
      locations: ['personal_page'],
    });
    const check = cachedCheckManifest(path.join(blocked, 'checks.json'), 'fp');
    expect(check(raw('one')).manifest?.widget.name).toBe('one');
    expect(check(raw('two')).manifest?.widget.name).toBe('two');
    expect(warn.mock.calls.filter(([line]) => String(line).includes('could not write'))).toHaveLength(1);
    warn.mockRestore();
  });

  it('ignores a manifest-check cache entry of the wrong shape, and a truncated file', () => {
    const file = path.join(work, 'checks', 'manifest.json');
    mkdirSync(path.dirname(file), { recursive: true });
    const raw = JSON.parse(
      '{"widget":{"name":"n","description":"d","short_description":"s","version":"1.0.0","interface_version":2,"locale":["en"],"installation":true},"locations":["personal_page"]}',
    );
    const check = cachedCheckManifest(file, 'fp');
    expect(check(raw).problems).toEqual([]);
    // A wrong-shaped entry for the same key: checked again, not thrown on.
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    for (const key of Object.keys(cached.results)) cached.results[key] = { problems: 'nope' };
    writeFileSync(file, JSON.stringify(cached));
    expect(cachedCheckManifest(file, 'fp')(raw).problems).toEqual([]);
    writeFileSync(file, '{"fingerprint":"fp","resu');
    expect(cachedCheckManifest(file, 'fp')(raw).manifest?.widget.name).toBe('n');
  });
});
