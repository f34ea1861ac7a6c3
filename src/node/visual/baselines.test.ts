import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkBaseline, readBaseline, type BaselineStore } from './baselines';
import { testTempDir } from '../../../tests/support/tempDir';

function png(red: number): Buffer {
  const image = new PNG({ width: 4, height: 4 });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([red, 0, 0, 255], i);
  return PNG.sync.write(image);
}

function store(over: Partial<BaselineStore> = {}): BaselineStore {
  const dir = testTempDir('baselines');
  return { dir: path.join(dir, 'chromium-1'), reportDir: path.join(dir, 'report'), update: false, inCi: false, ...over };
}

describe('a capture against its baseline', () => {
  it('writes a missing baseline outside CI, then matches it and offers it for the first-screenshot shortcut', () => {
    const s = store();
    expect(readBaseline(s, 'a--en')).toBeUndefined();
    expect(checkBaseline(s, 'a--en', png(10))).toEqual({ kind: 'written' });
    expect(readBaseline(s, 'a--en')?.equals(png(10))).toBe(true);
    expect(checkBaseline(s, 'a--en', png(10))).toEqual({ kind: 'matches' });
  });

  it('fails a missing baseline in CI, naming the file, and writes nothing', () => {
    const s = store({ inCi: true });
    const outcome = checkBaseline(s, 'a--en', png(10));
    expect(outcome).toEqual({ kind: 'missing', file: path.join(s.dir, 'a--en.png') });
    expect(existsSync(path.join(s.dir, 'a--en.png'))).toBe(false);
  });

  it('never writes the capture of a story that failed its checks, new or with --update', () => {
    for (const s of [store(), store({ update: true })]) {
      const outcome = checkBaseline(s, 'a--en', png(10), undefined, false);
      expect(outcome).toEqual({ kind: 'not-written', file: path.join(s.dir, 'a--en.png') });
      expect(existsSync(path.join(s.dir, 'a--en.png'))).toBe(false);
    }
  });

  it('reports a difference with its pixel count and leaves the actual and diff images in the report folder', () => {
    const s = store();
    checkBaseline(s, 'a--en', png(10));
    const outcome = checkBaseline(s, 'a--en', png(200));
    expect(outcome).toMatchObject({ kind: 'differs', diffPixels: 16, ratio: 1, diffFile: path.join(s.reportDir, 'a--en.diff.png') });
    expect(readFileSync(path.join(s.reportDir, 'a--en.actual.png')).equals(png(200))).toBe(true);
  });

  it('rewrites the baseline with update, and never offers one that is about to be rewritten', () => {
    const s = store();
    checkBaseline(s, 'a--en', png(10));
    const updating = { ...s, update: true };
    expect(readBaseline(updating, 'a--en')).toBeUndefined();
    expect(checkBaseline(updating, 'a--en', png(200))).toEqual({ kind: 'written' });
    expect(checkBaseline(s, 'a--en', png(200))).toEqual({ kind: 'matches' });
  });
});
