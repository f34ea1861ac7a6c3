import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverWidgets, formatSkipped } from '../../src/widgets/discoverWidgets';
import { writeWidgetStories } from '../../src/widgets/widgetStoryFiles';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-folders-'));
  temps.push(dir);
  return dir;
}

function widget(parent: string, name: string, files: Record<string, string>): string {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

const MANIFEST = JSON.stringify({ widget: { name: 'x' }, locations: ['personal_page'] });
const JS = "define([], function () { return { initLead() {}, registerWidgetsBarSlot() {} }; });";

describe('discoverWidgets', () => {
  it('finds the folders in widgets/ and in every WIDGETS_DIR entry, relative or absolute', () => {
    const root = tempDir();
    widget(path.join(root, 'widgets'), 'alpha', { 'manifest.json': MANIFEST, 'personal_page.js': JS });
    const outside = tempDir();
    widget(outside, 'beta', { 'manifest.json': MANIFEST, 'personal_page.js': JS });
    const relative = path.join(root, 'more');
    widget(relative, 'gamma', { 'manifest.json': MANIFEST, 'personal_page.js': JS });
    const { widgets, skipped } = discoverWidgets({ root, widgetsDirEnv: `${outside}${path.delimiter}more` });
    expect(widgets.map((w) => w.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(widgets.find((w) => w.name === 'beta')!.dir).toBe(path.join(outside, 'beta'));
    expect(skipped).toEqual([]);
  });

  it('accepts a WIDGETS_DIR entry that is itself a widget folder', () => {
    const root = tempDir();
    const dir = widget(tempDir(), 'solo', { 'manifest.json': MANIFEST, 'personal_page.js': JS });
    expect(discoverWidgets({ root, widgetsDirEnv: dir }).widgets).toEqual([{ name: 'solo', dir }]);
  });

  it('skips folders that break the rule, saying which and why', () => {
    const root = tempDir();
    const parent = path.join(root, 'widgets');
    widget(parent, 'no-manifest', { 'personal_page.js': JS });
    widget(parent, 'bad-json', { 'manifest.json': '{ "locations": [', 'personal_page.js': JS });
    widget(parent, 'card-only', { 'manifest.json': JSON.stringify({ locations: ['lcard-1'] }), 'personal_page.js': JS });
    widget(parent, 'no-script', { 'manifest.json': MANIFEST });
    widget(parent, 'no-locations', { 'manifest.json': '{}', 'personal_page.js': JS });
    const { widgets, skipped } = discoverWidgets({ root, widgetsDirEnv: '/does/not/exist' });
    expect(widgets).toEqual([]);
    const reasons = Object.fromEntries(skipped.map((s) => [path.basename(s.dir), s.reason]));
    expect(reasons['no-manifest']).toBe('no manifest.json');
    expect(reasons['bad-json']).toMatch(/^manifest\.json is not valid JSON/);
    expect(reasons['card-only']).toBe('manifest.json "locations" does not include "personal_page" (it has: lcard-1)');
    expect(reasons['no-script']).toBe('no personal_page.js next to manifest.json');
    expect(reasons['no-locations']).toBe('manifest.json has no "locations" array');
    expect(reasons['exist']).toBe('WIDGETS_DIR names a folder that does not exist');
    expect(formatSkipped(skipped)[0]).toMatch(/^\[workbench\] skipped widget folder .+: /);
  });

  it('skips a second folder with a name already taken', () => {
    const root = tempDir();
    widget(path.join(root, 'widgets'), 'same', { 'manifest.json': MANIFEST, 'personal_page.js': JS });
    const other = tempDir();
    widget(other, 'same', { 'manifest.json': MANIFEST, 'personal_page.js': JS });
    const { widgets, skipped } = discoverWidgets({ root, widgetsDirEnv: other });
    expect(widgets).toHaveLength(1);
    expect(skipped[0]!.reason).toMatch(/another widget folder is already named "same"/);
  });

  it('reads a manifest with a BOM', () => {
    const root = tempDir();
    widget(path.join(root, 'widgets'), 'bom', { 'manifest.json': `\uFEFF${MANIFEST}`, 'personal_page.js': JS });
    expect(discoverWidgets({ root }).widgets.map((w) => w.name)).toEqual(['bom']);
  });
});

describe('writeWidgetStories', () => {
  it('writes one CSF file per widget titled Widgets/<name>, and removes files of folders gone', () => {
    const out = tempDir();
    const src = path.join(tempDir(), 'src');
    writeWidgetStories([{ name: 'hello-world', dir: '/w/hello-world' }, { name: 'b', dir: '/w/b' }], out, src);
    expect(readdirSync(out).sort()).toEqual(['b.stories.ts', 'hello-world.stories.ts']);
    const source = readFileSync(path.join(out, 'hello-world.stories.ts'), 'utf8');
    expect(source).toContain('title: "Widgets/hello-world"');
    expect(source).toContain('export const Default: StoryObj = {};');
    expect(source).toContain('widgetFolderParameters("hello-world", "/w/hello-world")');
    writeWidgetStories([{ name: 'b', dir: '/w/b' }], out, src);
    expect(readdirSync(out)).toEqual(['b.stories.ts']);
  });
});
