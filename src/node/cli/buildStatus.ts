/**
 * (Node) How `amo-workbench test` tells its test file that the Storybook build it started alongside
 * Vitest has ended: a status file the command writes when the build exits, which the test file waits
 * for before it reads the build.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const BUILD_OK = 'ok';
export const BUILD_FAILED = 'failed';

/**
 * Written whole, by a rename: a file written in place exists, empty, before its content is in it,
 * and the test file, polling, read an empty status as a failed build (one CI run said "the Storybook
 * build failed" after a build that had succeeded).
 */
export function writeBuildStatus(statusFile: string, ok: boolean): void {
  writeFileSync(`${statusFile}.partial`, ok ? BUILD_OK : BUILD_FAILED);
  renameSync(`${statusFile}.partial`, statusFile);
}

/** Resolves with true once the build succeeded, false once it failed (the command kills the test run if it never ends). */
export async function waitForBuild(statusFile: string, pollMs = 20): Promise<boolean> {
  for (;;) {
    const status = readStatus(statusFile);
    if (status === BUILD_OK || status === BUILD_FAILED) return status === BUILD_OK;
    await sleep(pollMs);
  }
}

function readStatus(statusFile: string): string | undefined {
  try {
    return readFileSync(statusFile, 'utf8');
  } catch {
    return undefined; // not written yet
  }
}
