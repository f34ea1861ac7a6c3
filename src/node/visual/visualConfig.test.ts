import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { hostGlobalTypes } from '../../preview/hostControls';
import { DEFAULT_MODES, fullModes, modesForStory, visualModes } from '../../common/modes';
import { visualTestsAddon } from './visualTestsAddon';
import { compareImages } from './compareImages';
import { testTempDir } from '../../../tests/support/tempDir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('visual modes', () => {
  const allowed = (name: string) => (hostGlobalTypes[name]?.toolbar?.items as { value: string }[] | undefined)?.map((item) => item.value);

  it('reference existing globals and their values only', () => {
    for (const mode of [...Object.values(DEFAULT_MODES), ...Object.values(fullModes())]) {
      for (const [global, value] of Object.entries(mode)) {
        expect(allowed(global), `global ${global}`).toContain(value);
      }
    }
  });

  it('cover the full matrix on request, a default subset otherwise', () => {
    expect(Object.keys(fullModes())).toHaveLength(32);
    expect(Object.keys(visualModes(undefined))).toEqual(['ru', 'en', 'es', 'pt']);
    expect(Object.keys(visualModes('full'))).toHaveLength(32);
    expect(Object.keys(visualModes('en,pt-chineseNormal-twelve'))).toEqual(['en', 'pt-chineseNormal-twelve']);
    expect(() => visualModes('klingon')).toThrow(/unknown mode\(s\) klingon/);
  });

  it('give every mode to stories tagged locale-modes, the primary mode to the others', () => {
    expect(Object.keys(modesForStory(['locale-modes'], 'default'))).toEqual(['ru', 'en', 'es', 'pt']);
    expect(Object.keys(modesForStory(['dev', 'test'], 'full'))).toEqual(['ru']);
  });
});

describe('chromatic.config.json', () => {
  it("passes the Chromatic CLI's own configuration checks (no upload: it stops at the missing token)", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
    delete env.CHROMATIC_PROJECT_TOKEN;
    const result = spawnSync(path.join(root, 'node_modules/.bin/chromatic'), ['--dry-run', '--config-file', 'chromatic.config.json'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toMatch(/Configuration file .* was invalid/);
    expect(output).toMatch(/Missing project token/);
  });

  it('refuses a configuration with an unknown key, so the check above means something', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
    delete env.CHROMATIC_PROJECT_TOKEN;
    const result = spawnSync(path.join(root, 'node_modules/.bin/chromatic'), ['--dry-run', '--config-file', 'tests/fixtures/chromatic.invalid.json'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(`${result.stdout}${result.stderr}`).toMatch(/was invalid[\s\S]*Unrecognized key\(s\) in object: 'onlyChangd'/);
  });
});

describe('compareImages', () => {
  const image = (paint?: (png: PNG) => void) => {
    const png = new PNG({ width: 40, height: 30 });
    png.data.fill(255);
    paint?.(png);
    return PNG.sync.write(png);
  };

  it('finds no difference between identical images', () => {
    expect(compareImages(image(), image()).diffPixels).toBe(0);
  });

  it('catches a single changed pixel, with its share and a diff image', () => {
    const result = compareImages(
      image(),
      image((png) => png.data.set([250, 0, 0, 255], (10 * 40 + 5) * 4)),
    );
    expect(result.diffPixels).toBe(1);
    expect(result.ratio).toBeCloseTo(1 / 1200);
    const diff = PNG.sync.read(result.diff);
    expect([diff.width, diff.height]).toEqual([40, 30]);
  });

  it('counts a size change as a difference', () => {
    const taller = new PNG({ width: 40, height: 31 });
    taller.data.fill(255);
    expect(compareImages(image(), PNG.sync.write(taller)).diffPixels).toBe(40);
  });
});

describe("Chromatic's Visual tests addon", () => {
  const project = (config: string | null) => {
    const dir = testTempDir('wb-chromatic');
    if (config !== null) writeFileSync(path.join(dir, 'chromatic.config.json'), config);
    return dir;
  };

  it('loads for a project linked to Chromatic, by projectId or token', () => {
    expect(visualTestsAddon(project('{ "projectId": "Project:64f0c0ffee" }'), {})).toEqual({ load: true, reason: 'projectId in chromatic.config.json' });
    expect(visualTestsAddon(project(null), { CHROMATIC_PROJECT_TOKEN: 'chpt_x' })).toEqual({ load: true, reason: 'CHROMATIC_PROJECT_TOKEN' });
  });

  it('stays off for an unlinked project (this repository), and follows STORYBOOK_VISUAL_TESTS', () => {
    expect(visualTestsAddon(root, {})).toEqual({ load: false, reason: 'not linked' });
    expect(visualTestsAddon(project(null), {})).toEqual({ load: false, reason: 'not linked' });
    expect(visualTestsAddon(root, { STORYBOOK_VISUAL_TESTS: '1' })).toEqual({ load: true, reason: 'forced on' });
    expect(visualTestsAddon(project('{ "projectId": "Project:1" }'), { STORYBOOK_VISUAL_TESTS: '0', CHROMATIC_PROJECT_TOKEN: 'x' })).toEqual({
      load: false,
      reason: 'forced off',
    });
  });

  it('says so when chromatic.config.json is broken, instead of failing the server start', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(visualTestsAddon(project('{ "projectId": '), {})).toEqual({ load: false, reason: 'not linked' });
    expect(warn.mock.calls[0]?.[0]).toMatch(/chromatic\.config\.json is not valid JSON .*the Visual tests addon stays off/);
    warn.mockRestore();
  });
});
