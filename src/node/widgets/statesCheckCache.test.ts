import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cachedCheckStates, statesCheckerFingerprint } from './statesCheckCache';
import { checkStates } from './widgetStates';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'states-checks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GOOD = { states: [{ name: 'Big order', deal: { status: '142004', fields: { 'lead-budget': 9900000 } } }], omit: ['Long values'] };
const BAD = { states: [{ name: 'Broken', deal: { status: 'nope' } }, { name: 'Fine' }] };

let n = 0;
const cacheFile = () => path.join(tmp, `checks-${n++}.json`);

describe('cachedCheckStates', () => {
  it('answers as checkStates does, and a later start answers from disk without checking (no zod)', () => {
    const file = cacheFile();
    const inputs = [
      { raw: GOOD, hasBackend: false },
      { raw: GOOD, hasBackend: true },
      { raw: BAD, hasBackend: true },
    ];
    const first = vi.fn(checkStates);
    const answers = inputs.map(cachedCheckStates(file, 'f1', first));
    expect(answers).toEqual(inputs.map(checkStates));
    // The backend states come only with a backend: the flag is part of the key.
    expect(answers[0]!.states.map((s) => s.name)).not.toContain('Loading');
    expect(answers[1]!.states.map((s) => s.name)).toContain('Loading');
    expect(answers[2]!.problems.map((p) => p.code)).toEqual(['bad-states']);
    expect(first).toHaveBeenCalledTimes(3);

    const second = vi.fn(checkStates);
    expect(inputs.map(cachedCheckStates(file, 'f1', second))).toEqual(answers);
    expect(second).not.toHaveBeenCalled();
    // Another checker (its fingerprint) checks again.
    cachedCheckStates(file, 'f2', second)(inputs[0]!);
    expect(second).toHaveBeenCalledOnce();
  });

  it('fingerprints the checker: the sources that make the states and the zod version', () => {
    expect(statesCheckerFingerprint()).toMatch(/^[0-9a-f]{40}$/);
    expect(statesCheckerFingerprint()).toBe(statesCheckerFingerprint());
  });
});
