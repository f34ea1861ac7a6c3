/**
 * (Node) How `amo-workbench test` tells its test file that the Storybook build it started alongside
 * Vitest has ended: a status file the command writes when the build exits, which the test file waits
 * for before it reads the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const BUILD_OK = 'ok';
export const BUILD_FAILED = 'failed';

/** Resolves with true once the build succeeded, false once it failed (the command kills the test run if it never ends). */
export async function waitForBuild(statusFile: string, pollMs = 20): Promise<boolean> {
  while (!existsSync(statusFile)) await sleep(pollMs);
  return readFileSync(statusFile, 'utf8') === BUILD_OK;
}
