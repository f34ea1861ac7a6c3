import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkManifest } from './checkManifest';
import { cachedCheckManifest, checkerFingerprint } from './manifestCheckCache';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'manifest-checks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const VALID = {
  widget: { name: 'widget.name', description: 'd', short_description: 's', version: '1.0.0', interface_version: 2, locale: ['en', 'ru'], installation: true },
  locations: ['personal_page'],
};
const BROKEN = { widget: { name: 'w', version: 'one' }, locations: ['lead_card'] };

let n = 0;
const cacheFile = () => path.join(tmp, `checks-${n++}.json`);

describe('cachedCheckManifest', () => {
  it('answers as checkManifest does, and a later start answers from disk without checking (no zod)', () => {
    const file = cacheFile();
    const first = vi.fn(checkManifest);
    const firstStart = cachedCheckManifest(file, 'f1', first);
    const answers = [firstStart(VALID), firstStart(BROKEN)];
    expect(answers).toEqual([checkManifest(VALID), checkManifest(BROKEN)]);
    expect(answers[0]!.manifest).toEqual(VALID);
    expect(answers[1]!.problems.map((p) => p.code)).toEqual(['no-personal-page-location', 'bad-version', 'manifest-fields']);
    expect(first).toHaveBeenCalledTimes(2);

    const second = vi.fn(checkManifest);
    const secondStart = cachedCheckManifest(file, 'f1', second);
    expect([secondStart(VALID), secondStart(BROKEN)]).toEqual(answers);
    expect(second).not.toHaveBeenCalled();
  });

  it('checks again an edited manifest, and everything once the checker changed (its fingerprint)', () => {
    const file = cacheFile();
    cachedCheckManifest(file, 'f1')(VALID);
    const check = vi.fn(checkManifest);
    const edited = { ...VALID, widget: { ...VALID.widget, version: '1.0.1' } };
    expect(cachedCheckManifest(file, 'f1', check)(edited).manifest).toEqual(edited);
    expect(check).toHaveBeenCalledTimes(1);
    cachedCheckManifest(file, 'f2', check)(VALID);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('hands out copies, so a caller that changes its answer does not change the next one', () => {
    const check = cachedCheckManifest(cacheFile(), 'f1');
    check(BROKEN).problems.length = 0;
    expect(check(BROKEN).problems).toHaveLength(3);
  });

  it('checks again when the cache file is unreadable, and writes a good one', () => {
    const file = cacheFile();
    writeFileSync(file, '{ not json');
    const check = vi.fn(checkManifest);
    expect(cachedCheckManifest(file, 'f1', check)(VALID).manifest).toEqual(VALID);
    expect(check).toHaveBeenCalledOnce();
    expect(JSON.parse(readFileSync(file, 'utf8')).fingerprint).toBe('f1');
  });

  it('fingerprints the checker: its sources and the zod and semver versions', () => {
    expect(checkerFingerprint()).toMatch(/^[0-9a-f]{40}$/);
    expect(checkerFingerprint()).toBe(checkerFingerprint());
  });
});
