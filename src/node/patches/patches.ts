/**
 * (Node) The switch for the workbench's changes to Storybook's and Vite's own behaviour (the speed
 * patches: builder-vite without change detection, no unused module mocking, no gzip on loopback, the
 * prebuilt vendor bundle of a build, cached story indexers; see docs/performance.md, where each has
 * its measured gain). `WORKBENCH_PATCHES=0` turns them all off; outside the Storybook versions they
 * were tested with they are off too, with one line saying so. Everything works without them.
 */
import semver from 'semver';

/** The Storybook versions the patches were tested with. */
export const TESTED_STORYBOOK_RANGE = '>=10.6.0 <10.7.0';

/** Every patch, by the name WORKBENCH_PATCHES_OFF takes. */
export const PATCH_NAMES = ['viteBuilder', 'cachedIndexers', 'skipUnusedMocking', 'loopbackWithoutGzip', 'prebuiltVendor'] as const;
export type PatchName = (typeof PATCH_NAMES)[number];

export interface PatchesState {
  on: boolean;
  /** Why they are off. */
  reason?: string;
  /** Patches turned off one by one (WORKBENCH_PATCHES_OFF=name,name): for measuring each patch's gain. */
  off?: PatchName[];
}

/** Whether one patch applies. */
export function patchOn(state: PatchesState, name: PatchName): boolean {
  return state.on && !state.off?.includes(name);
}

export function patchesState(env: NodeJS.ProcessEnv, storybookVersion: string | undefined): PatchesState {
  if (env.WORKBENCH_PATCHES === '0' || env.WORKBENCH_PATCHES === 'false') return { on: false, reason: 'WORKBENCH_PATCHES=0' };
  const version = semver.coerce(storybookVersion ?? '')?.version;
  if (!version || !semver.satisfies(version, TESTED_STORYBOOK_RANGE)) {
    return {
      on: false,
      reason: `Storybook ${storybookVersion ?? '(unknown version)'} is outside the versions the workbench's speed patches were tested with (${TESTED_STORYBOOK_RANGE}); they are off, and everything works without them`,
    };
  }
  const off = (env.WORKBENCH_PATCHES_OFF ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = off.filter((name) => !(PATCH_NAMES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`WORKBENCH_PATCHES_OFF: unknown patch(es) ${unknown.join(', ')}. The patches: ${PATCH_NAMES.join(', ')}.`);
  return off.length ? { on: true, off: off as PatchName[] } : { on: true };
}
