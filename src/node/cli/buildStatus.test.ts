import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BUILD_FAILED, BUILD_OK, waitForBuild, writeBuildStatus } from './buildStatus.ts';

describe('waitForBuild', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-status-'));
  const file = path.join(dir, 'status');
  afterEach(() => rmSync(file, { force: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts waiting and checks it still waits 40 ms later; the wait, to settle (in an object: an async function would adopt it). */
  async function stillWaiting(): Promise<{ waiting: Promise<boolean> }> {
    let settled = false;
    const waiting = waitForBuild(file, 5).then((ok) => ((settled = true), ok));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(settled).toBe(false);
    return { waiting };
  }

  it('waits until the status file appears, then says whether the build succeeded', async () => {
    const { waiting } = await stillWaiting();
    writeFileSync(file, BUILD_OK);
    await expect(waiting).resolves.toBe(true);
  });

  it('waits past a status file that exists but is still empty (written in place, not yet filled)', async () => {
    writeFileSync(file, '');
    const { waiting } = await stillWaiting();
    writeBuildStatus(file, true);
    await expect(waiting).resolves.toBe(true);
  });

  it('reads a failed build as false', async () => {
    writeFileSync(file, BUILD_FAILED);
    await expect(waitForBuild(file)).resolves.toBe(false);
  });
});
