import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseWidgetFolders } from './widgetFolders';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(widgetFolders: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-choose-'));
  temps.push(dir);
  for (const folder of widgetFolders) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, 'manifest.json'), '{}');
  }
  return dir;
}

describe('chooseWidgetFolders', () => {
  it('takes the current folder when it is a widget folder or holds widget folders', () => {
    const single = project(['.']);
    expect(chooseWidgetFolders(single, [])).toEqual({ folders: [single] });
    const several = project(['a', 'b']);
    expect(chooseWidgetFolders(several, [])).toEqual({ folders: [several] });
  });

  it('takes the folders given, and names one that is not a folder', () => {
    const dir = project(['a']);
    expect(chooseWidgetFolders(dir, ['a'])).toEqual({ folders: [path.join(dir, 'a')] });
    expect(chooseWidgetFolders(dir, ['a', 'nope'])).toEqual({ problem: 'Not a folder: nope.' });
  });

  it('says where widget folders one level further down are, and the command that takes them', () => {
    const dir = project(['widgets/first', 'widgets/second', 'my widgets/third', 'node_modules/some-package']);
    const choice = chooseWidgetFolders(dir, [], 'test');
    expect(choice).toEqual({
      problem: expect.stringContaining("one level further down, in 'my widgets', widgets: run `amo-workbench test 'my widgets' widgets`."),
    });
  });

  it('says what it looked for when there is no widget folder at all', () => {
    const dir = project([]);
    const choice = chooseWidgetFolders(dir, [], 'build');
    expect(choice).toEqual({
      problem: expect.stringMatching(/^No widget folder here\. Looked for manifest\.json in .* \(amo-workbench build path\/to\/widget dist\/\)/),
    });
  });
});
