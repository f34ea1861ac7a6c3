import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readWidgetFolder } from '../widgets/readWidgetFolder.ts';
import { folderWarnings } from './folderWarnings.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'wb-folder-warnings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("test's line per folder with warnings", () => {
  it('names the folder, counts its warnings, lists their codes and the command that explains them', () => {
    const dir = path.join(work, 'my widget');
    cpSync(path.join(root, 'widgets/hello-world'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'style.css'), '.w { color: red; }\n');
    writeFileSync(path.join(dir, 'extra.css'), '.x { color: blue; }\n');
    rmSync(path.join(dir, 'script.js'));
    expect(folderWarnings([readWidgetFolder(dir)], work)).toEqual([
      "'my widget': 2 warnings (no-script-js, stylesheet-not-loaded); `amo-workbench validate 'my widget'` says what to do.",
    ]);
  });

  it('says nothing of a folder without warnings (the example widget)', () => {
    expect(folderWarnings([readWidgetFolder(path.join(root, 'widgets/hello-world'))], root)).toEqual([]);
  });
});
