import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_FAILED, BUILD_OK, waitForBuild, writeBuildStatus } from './buildStatus.ts';

describe('waitForBuild', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-status-'));
  afterEach(() => rmSync(path.join(dir, 'status'), { force: true }));

  it('waits until the status file appears, then says whether the build succeeded', async () => {
    const file = path.join(dir, 'status');
    let settled = false;
    const waiting = waitForBuild(file, 5).then((ok) => ((settled = true), ok));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(settled).toBe(false);
    writeFileSync(file, BUILD_OK);
    await expect(waiting).resolves.toBe(true);
  });

  it('waits past a status file that exists but is still empty (written in place, not yet filled)', async () => {
    const file = path.join(dir, 'status');
    writeFileSync(file, '');
    let settled = false;
    const waiting = waitForBuild(file, 5).then((ok) => ((settled = true), ok));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(settled).toBe(false);
    writeBuildStatus(file, true);
    await expect(waiting).resolves.toBe(true);
  });

  it('reads a failed build as false', async () => {
    const file = path.join(dir, 'status');
    writeFileSync(file, BUILD_FAILED);
    await expect(waitForBuild(file)).resolves.toBe(false);
  });
});
