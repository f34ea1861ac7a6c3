import { describe, expect, it } from 'vitest';
import { devArguments } from './devArguments';
import { openHostWarning } from '../hostWarning';

describe('npm run storybook arguments', () => {
  it('listens on 127.0.0.1 and port 6006 unless told otherwise, passing every other flag through', () => {
    expect(devArguments(['--ci', '--no-open'])).toEqual({ args: ['--ci', '--no-open', '--host', '127.0.0.1', '-p', '6006'], host: '127.0.0.1' });
    expect(devArguments(['-p', '7000', '--host', 'localhost']).args).toEqual(['-p', '7000', '--host', 'localhost']);
  });

  it('asks Storybook nothing without a terminal (--ci: a taken port becomes the next free one)', () => {
    expect(devArguments(['-p', '7000'], { interactive: false }).args).toEqual(['-p', '7000', '--ci', '--host', '127.0.0.1']);
    expect(devArguments(['--ci'], { interactive: false }).args.filter((a) => a === '--ci')).toHaveLength(1);
    expect(devArguments(['-p', '7000'], { interactive: true }).args).not.toContain('--ci');
  });

  it('warns, saying what is exposed, when another address is asked for', () => {
    const { args, warning } = devArguments(['--host', '0.0.0.0']);
    expect(args).toEqual(['--host', '0.0.0.0', '-p', '6006']);
    expect(warning).toMatch(
      /listening on 0\.0\.0\.0, not this machine only\. Anyone who can reach this address can open Storybook and read every served widget folder's files/,
    );
    expect(devArguments(['--host=192.168.1.5']).warning).toMatch(/192\.168\.1\.5/);
  });

  it('storybook dev run directly without --host says it listens everywhere', () => {
    expect(openHostWarning(['node', 'storybook', 'dev', '-p', '6006'])).toMatch(/listens on every network interface/);
    expect(openHostWarning(['node', 'storybook', 'dev', '--host', '127.0.0.1'])).toBeUndefined();
    expect(openHostWarning(['node', 'storybook', 'build'])).toBeUndefined();
  });
});

describe('the speed patches switch', () => {
  it('is on for the tested Storybook versions, off with WORKBENCH_PATCHES=0 or another version, saying why', async () => {
    const { patchesState } = await import('../patches/patches');
    expect(patchesState({}, '10.6.0')).toEqual({ on: true });
    expect(patchesState({ WORKBENCH_PATCHES: '0' }, '10.6.0')).toEqual({ on: false, reason: 'WORKBENCH_PATCHES=0' });
    // One by one, for measuring each patch's gain; an unknown name is refused with the list.
    const { patchOn } = await import('../patches/patches');
    const some = patchesState({ WORKBENCH_PATCHES_OFF: ' prebuiltVendor ' }, '10.6.0');
    expect(some).toEqual({ on: true, off: ['prebuiltVendor'] });
    expect(patchOn(some, 'prebuiltVendor')).toBe(false);
    expect(patchOn(patchesState({}, '10.6.0'), 'prebuiltVendor')).toBe(true);
    expect(() => patchesState({ WORKBENCH_PATCHES_OFF: 'fastMode' }, '10.6.0')).toThrow(
      /unknown patch\(es\) fastMode\. The patches: viteBuilder, cachedIndexers, /,
    );
    expect(patchesState({}, '10.7.1')).toMatchObject({ on: false, reason: expect.stringContaining('Storybook 10.7.1 is outside the versions') });
    expect(patchesState({}, undefined).on).toBe(false);
  });
});
