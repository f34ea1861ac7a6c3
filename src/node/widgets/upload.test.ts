/**
 * `amo-workbench validate` and `pack`: one case per upload rule, each a copy of the complete, valid
 * fixture (widgets/hello-world, real logos) with one thing broken; the line validate
 * prints and its exit code. Then the archive: the same bytes twice, files at the root, nothing
 * that never ships inside.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/main';
import { readWidgetFolder } from './readWidgetFolder';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const valid = path.join(root, 'widgets/hello-world');
const work = mkdtempSync(path.join(tmpdir(), 'wb-upload-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let count = 0;
/** A copy of the valid widget with `change` applied. */
function caseFolder(change: (dir: string) => void): string {
  const dir = path.join(work, `case-${++count}`, 'widget');
  cpSync(valid, dir, { recursive: true });
  change(dir);
  return dir;
}
const editJson = (dir: string, file: string, edit: (value: any) => void) => {
  const value = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  edit(value);
  writeFileSync(path.join(dir, file), JSON.stringify(value, null, 2));
};
const png = (width: number, height: number, noise = false) => {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i++) image.data[i] = noise ? (i * 2654435761) >>> 24 : 200;
  return PNG.sync.write(image);
};

async function validate(dir: string, ...flags: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(['validate', dir, ...flags], { out: (l) => lines.push(...l.split('\n')), err: (l) => lines.push(...l.split('\n')), cwd: work });
  return { code, lines };
}

describe('the valid widget', () => {
  it('passes with no error and no warning', async () => {
    const { code, lines } = await validate(valid);
    expect(lines.at(-1)).toMatch(/: 0 errors, 0 warnings$/);
    expect(code).toBe(0);
  });

  it('and so do the example widgets', async () => {
    for (const name of ['hello-world', 'showcase', 'deal-documents']) expect((await validate(path.join(root, 'widgets', name))).code, name).toBe(0);
  });
});

// [rule, change, the line validate prints (start), exit code]
const CASES: Array<[string, (dir: string) => void, string, 0 | 1]> = [
  [
    'layout: manifest.json inside a folder',
    (dir) => {
      const inner = path.join(dir, 'my-widget');
      mkdirSync(inner);
      for (const f of ['manifest.json', 'personal_page.js', 'script.js', 'i18n', 'images']) cpSync(path.join(dir, f), path.join(inner, f), { recursive: true });
      for (const f of ['manifest.json', 'personal_page.js', 'script.js', 'i18n', 'images']) rmSync(path.join(dir, f), { recursive: true });
    },
    'error   my-widget/manifest.json: manifest.json is inside my-widget/, not at the root of the folder',
    1,
  ],
  [
    'layout: personal_page.js at the root',
    (dir) => rmSync(path.join(dir, 'personal_page.js')),
    'error   personal_page.js: The folder has no personal_page.js',
    1,
  ],
  [
    'layout: script.js (pages disagree)',
    (dir) => rmSync(path.join(dir, 'script.js')),
    "warning script.js: There is no script.js: amoCRM's structure page lists it as required, Kommo's as optional.",
    0,
  ],
  ['layout: i18n/', (dir) => rmSync(path.join(dir, 'i18n'), { recursive: true }), 'error   i18n/: There is no i18n/ folder', 1],
  ['layout: images/', (dir) => rmSync(path.join(dir, 'images'), { recursive: true }), 'error   images/: There is no images/ folder', 1],
  [
    'ships: dotfiles, node_modules, mocks, OS litter, links out are notes',
    (dir) => {
      writeFileSync(path.join(dir, '.env'), 'SECRET=1');
      mkdirSync(path.join(dir, 'node_modules/x'), { recursive: true });
      writeFileSync(path.join(dir, 'node_modules/x/index.js'), '');
      mkdirSync(path.join(dir, 'mocks'));
      writeFileSync(path.join(dir, 'mocks/handlers.js'), 'export const handlers = [];');
      writeFileSync(path.join(dir, '.DS_Store'), '');
      writeFileSync(path.join(dir, 'Thumbs.db'), '');
      writeFileSync(path.join(work, 'outside.txt'), 'outside');
      symlinkSync(path.join(work, 'outside.txt'), path.join(dir, 'outside.txt'));
    },
    'note    .DS_Store: .DS_Store is left out of the archive: a dotfile or dot-folder.',
    0,
  ],
  [
    'ships: source maps are a warning',
    (dir) => writeFileSync(path.join(dir, 'personal_page.js.map'), '{}'),
    'warning personal_page.js.map: personal_page.js.map is left out of the archive: a source map: it would publish your sources.',
    0,
  ],
  [
    'manifest: valid JSON',
    (dir) => writeFileSync(path.join(dir, 'manifest.json'), '{"widget": {,}}'),
    'error   manifest.json: manifest.json is not valid JSON at line 1, column 13',
    1,
  ],
  [
    'manifest: UTF-8 without BOM',
    (dir) => writeFileSync(path.join(dir, 'manifest.json'), `\uFEFF${readFileSync(path.join(dir, 'manifest.json'), 'utf8')}`),
    'error   manifest.json: manifest.json starts with a byte-order mark (BOM).',
    1,
  ],
  [
    'manifest: version',
    (dir) => editJson(dir, 'manifest.json', (m) => (m.widget.version = 'v1')),
    'error   manifest.json: widget.version "v1" is not a version.',
    1,
  ],
  [
    'manifest: interface_version 2',
    (dir) => editJson(dir, 'manifest.json', (m) => (m.widget.interface_version = 1)),
    'error   manifest.json: widget.interface_version must be 2 (it is 1).',
    1,
  ],
  [
    'manifest: init_once boolean',
    (dir) => editJson(dir, 'manifest.json', (m) => delete m.widget.init_once),
    'error   manifest.json: widget.init_once must be true or false (it is undefined).',
    1,
  ],
  [
    'manifest: support link and email',
    (dir) => editJson(dir, 'manifest.json', (m) => (m.widget.support = { link: 'not a url', email: 'nobody' })),
    'error   manifest.json: widget.support.link must be a URL (it is "not a url"); widget.support.email must be an e-mail address (it is "nobody").',
    1,
  ],
  [
    'manifest: required fields',
    (dir) => editJson(dir, 'manifest.json', (m) => delete m.widget.short_description),
    'error   manifest.json: Required fields missing: widget.short_description.',
    1,
  ],
  [
    'manifest: locations known',
    (dir) => editJson(dir, 'manifest.json', (m) => m.locations.push('lcard-2')),
    'error   manifest.json: locations has "lcard-2", not a documented location.',
    1,
  ],
  [
    'manifest: the personal_page location',
    (dir) => editJson(dir, 'manifest.json', (m) => (m.locations = ['lcard'])),
    'error   manifest.json: "locations" does not include "personal_page" (it has: lcard).',
    1,
  ],
  [
    'manifest: i18n keys resolve',
    (dir) => editJson(dir, 'manifest.json', (m) => (m.widget.name = 'widget.title')),
    'error   manifest.json: widget.name is the i18n key "widget.title", which i18n/en.json, i18n/ru.json do not have.',
    1,
  ],
  [
    'i18n: one file per locale entry',
    (dir) => editJson(dir, 'manifest.json', (m) => m.widget.locale.push('es')),
    'error   i18n/: widget.locale lists es without i18n/es.json.',
    1,
  ],
  [
    'i18n: no file beyond the locale entries',
    (dir) => cpSync(path.join(dir, 'i18n/en.json'), path.join(dir, 'i18n/pt.json')),
    'error   i18n/: i18n/ has pt.json, which widget.locale does not list.',
    1,
  ],
  [
    'i18n: identical keys',
    (dir) => editJson(dir, 'i18n/ru.json', (v) => (v.extra = 'x')),
    'error   i18n/: The i18n files differ in their keys: en.json lacks extra.',
    1,
  ],
  [
    'i18n: UTF-8',
    (dir) => writeFileSync(path.join(dir, 'i18n/en.json'), Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])),
    'error   i18n/en.json: i18n/en.json is not valid UTF-8 (first bad byte at offset 2).',
    1,
  ],
  [
    'images: required logo',
    (dir) => rmSync(path.join(dir, 'images/logo_small.png')),
    'error   images/logo_small.png: images/logo_small.png (108×108) is missing: required for every widget since November 2018.',
    1,
  ],
  [
    'images: exact size',
    (dir) => writeFileSync(path.join(dir, 'images/logo_main.png'), png(401, 272)),
    'error   images/logo_main.png: images/logo_main.png is 401×272 pixels; the upload form wants exactly 400×272.',
    1,
  ],
  [
    'images: at most 300 KB',
    (dir) => writeFileSync(path.join(dir, 'images/logo_main.png'), Buffer.concat([png(400, 272, true), Buffer.alloc(310 * 1024)])),
    'error   images/logo_main.png: images/logo_main.png is 3',
    1,
  ],
  [
    'images: a PNG',
    (dir) => writeFileSync(path.join(dir, 'images/logo.png'), Buffer.from('R0lGODlhggBkAIAAAP///wAAACwAAAAAggBkAAACAkQBADs=', 'base64')),
    'warning images/logo.png: images/logo.png is a GIF image named .png',
    0,
  ],
  [
    'images: logos of the locations',
    (dir) => editJson(dir, 'manifest.json', (m) => m.locations.push('digital_pipeline')),
    'warning images/logo_dp.png: images/logo_dp.png (174×109) is missing: the widget works in the digital pipeline.',
    0,
  ],
  [
    'code: minified',
    (dir) =>
      writeFileSync(
        path.join(dir, 'personal_page.js'),
        `define([],function(){return{initLead:function(){},registerWidgetsBarSlot:function(e){e.textContent="${'x'.repeat(12000)}"}}});`,
      ),
    'warning personal_page.js: personal_page.js looks minified or obfuscated',
    0,
  ],
  [
    'code: a stylesheet no script loads (a library build writes it beside the script)',
    (dir) => writeFileSync(path.join(dir, 'my-widget.css'), '.my-widget { color: red; }\n'),
    "warning my-widget.css: my-widget.css is never loaded: the host runs only the widget's script",
    0,
  ],
  [
    'listing: name length',
    (dir) => editJson(dir, 'i18n/en.json', (v) => (v.widget.name = 'A widget name far longer than thirty characters')),
    'warning i18n/en.json: widget.name in en is 47 characters; the marketplace listing shows at most 30.',
    0,
  ],
];

describe('validate: one case per rule', () => {
  for (const [rule, change, line, exit] of CASES) {
    it(rule, async () => {
      const { code, lines } = await validate(caseFolder(change));
      expect(
        lines.find((l) => l.startsWith(line)),
        lines.join('\n'),
      ).toBeDefined();
      expect(code).toBe(exit);
    });
  }

  it('code: a minified library bundled beside readable code (Lit, rollup) is not the widget minified; the whole bundle minified is', async () => {
    const library = `/**\n * @license\n * Copyright 2017 Google LLC\n */\nconst t=globalThis,e=${'t.x&&'.repeat(2400)}1;\n`;
    const own = Array.from({ length: 12 }, (_, i) => `  var step${i} = ${i};`).join('\n');
    const script = (body: string) =>
      `define([], function () {\n${body}\n  return { initLead: function () {}, registerWidgetsBarSlot: function (el) { el.textContent = 'ok'; } };\n});\n`;
    const readable = await validate(caseFolder((dir) => writeFileSync(path.join(dir, 'personal_page.js'), script(library + own))));
    expect(
      readable.lines.filter((l) => l.includes('looks minified')),
      readable.lines.join('\n'),
    ).toEqual([]);
    // The same library, with the widget's own code minified too.
    const minified = await validate(caseFolder((dir) => writeFileSync(path.join(dir, 'personal_page.js'), script(library + own.replace(/\n\s*/g, '')))));
    expect(
      minified.lines.some((l) => l.startsWith('warning personal_page.js: personal_page.js looks minified')),
      minified.lines.join('\n'),
    ).toBe(true);
  });

  it('code: a stylesheet the script loads is not flagged', async () => {
    const { lines } = await validate(
      caseFolder((dir) => {
        writeFileSync(path.join(dir, 'style.css'), '.my-widget { color: red; }\n');
        const script = path.join(dir, 'personal_page.js');
        writeFileSync(script, `${readFileSync(script, 'utf8')}\n// link.href = new URL('style.css?v=1.0.0', document.currentScript.src).href;\n`);
      }),
    );
    expect(lines.filter((l) => l.includes('never loaded'))).toEqual([]);
  });

  it('--json lists every problem for CI', async () => {
    const { code, lines } = await validate(
      caseFolder((dir) => rmSync(path.join(dir, 'images'), { recursive: true })),
      '--json',
    );
    const report = JSON.parse(lines.join('\n')) as { errors: number; problems: Array<{ severity: string; code: string; file: string }> };
    expect(code).toBe(1);
    expect(report.errors).toBe(1);
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['no-images-folder']);
  });

  it('the story shows the upload rules as warnings, and what breaks the cabinet as errors', async () => {
    const dir = caseFolder((d) => {
      rmSync(path.join(d, 'images'), { recursive: true });
      editJson(d, 'manifest.json', (m) => {
        m.locations = ['lcard'];
        delete m.widget.support;
      });
    });
    const problems = readWidgetFolder(dir).problems;
    expect(problems.filter((p) => p.severity !== 'warning').map((p) => p.code)).toEqual(['no-personal-page-location']);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.code)).toEqual(expect.arrayContaining(['no-images-folder', 'manifest-upload-fields']));
    // ... and the one line of each weighs as an error for the upload.
    expect(problems.find((p) => p.code === 'no-images-folder')!.upload).toBe('error');
  });
});

describe('pack', () => {
  const pack = async (dir: string, out: string) => {
    const lines: string[] = [];
    const code = await run(['pack', dir, '-o', out], { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: work });
    return { code, lines };
  };

  it('writes the same bytes twice, files at the root, nothing that never ships', async () => {
    const dir = caseFolder((d) => {
      writeFileSync(path.join(d, '.env'), 'SECRET=1');
      mkdirSync(path.join(d, 'mocks'));
      writeFileSync(path.join(d, 'mocks/handlers.js'), 'export const handlers = [];');
      writeFileSync(path.join(d, 'personal_page.js.map'), '{}');
      writeFileSync(path.join(d, 'Thumbs.db'), '');
      // The project around the widget, when the widget folder is the project's root.
      for (const file of ['package.json', 'webpack.config.js', 'webpack.prod.js', 'vite.config.mts', 'tsconfig.build.json', 'eslint.config.mjs', 'bun.lock'])
        writeFileSync(path.join(d, file), '{}');
    });
    const first = await pack(dir, path.join(work, 'one', 'widget.zip'));
    expect(first.code).toBe(0);
    expect(first.lines.at(-1)).toMatch(/^one\/widget\.zip: \d+\.\d KB, 8 files$/);
    // Touched files, another day: the same archive.
    writeFileSync(path.join(dir, 'personal_page.js'), readFileSync(path.join(dir, 'personal_page.js')));
    expect((await pack(dir, path.join(work, 'two', 'widget.zip'))).code).toBe(0);
    const one = readFileSync(path.join(work, 'one', 'widget.zip'));
    expect(one.equals(readFileSync(path.join(work, 'two', 'widget.zip')))).toBe(true);
    const entries = Object.keys(unzipSync(one));
    expect(entries).toEqual([
      'i18n/en.json',
      'i18n/ru.json',
      'images/logo.png',
      'images/logo_main.png',
      'images/logo_small.png',
      'manifest.json',
      'personal_page.js',
      'script.js',
    ]);
    expect(Buffer.from(unzipSync(one)['manifest.json']!).toString()).toBe(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  });

  it('refuses on errors, printing them, and writes nothing', async () => {
    const dir = caseFolder((d) => rmSync(path.join(d, 'images/logo_main.png')));
    const out = path.join(work, 'refused', 'widget.zip');
    const { code, lines } = await pack(dir, out);
    expect(code).toBe(1);
    expect(lines.some((l) => l.startsWith('error   images/logo_main.png'))).toBe(true);
    expect(lines.at(-1)).toBe('amo-workbench pack: 1 error; no archive written. Fix them, then pack again.');
    expect(() => readFileSync(out)).toThrow();
  });

  it('runs as the amo-workbench command with its exit code', async () => {
    const output = execFileSync(process.execPath, [path.join(root, 'bin/amo-workbench.mjs'), 'validate', valid], { encoding: 'utf8' });
    expect(output.trim().split('\n').at(-1)).toMatch(/hello-world: 0 errors, 0 warnings$/);
    let status = 0;
    try {
      execFileSync(
        process.execPath,
        [path.join(root, 'bin/amo-workbench.mjs'), 'validate', caseFolder((d) => rmSync(path.join(d, 'images'), { recursive: true }))],
        { stdio: 'pipe' },
      );
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(1);
  }, 60_000);
});
