/**
 * Contract tests of the speed patches (src/node/patches/) against the installed Storybook, not stubs:
 * each patch finds its target in the real plugins, and when the target is gone (simulated here by
 * renaming it) the patch warns once, naming itself, and leaves Storybook's behaviour as it was.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plugin } from 'vite';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- builder-vite publishes no types for its preset
import { viteCorePlugins } from '@storybook/builder-vite/preset';
import { flattenPlugins } from './flattenPlugins';
import { MOCKING_HOOK_NAMES, resetSkipUnusedMockingWarning, skipUnusedMocking } from './skipUnusedMocking';

const configDir = mkdtempSync(path.join(tmpdir(), 'patch-contracts-'));
const preview = path.join(configDir, 'preview.ts');
writeFileSync(preview, 'export default {};\n');
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

/** Storybook's own Vite plugins, as builder-vite's preset makes them for a project with a preview file. */
async function storybookPlugins(): Promise<Plugin[]> {
  const presets = { apply: async (_name: string, fallback: unknown) => fallback ?? {} };
  return flattenPlugins(await viteCorePlugins(undefined, { configDir, presets }));
}

type Hook = ((...args: unknown[]) => unknown) | { handler: (...args: unknown[]) => unknown; filter?: unknown };

beforeEach(() => {
  resetSkipUnusedMockingWarning();
});

describe('skipUnusedMocking against the installed Storybook', () => {
  it('finds every mocking hook it expects in builder-vite’s real plugins, without a warning', async () => {
    const warn = vi.fn();
    expect(skipUnusedMocking(await storybookPlugins(), preview, warn).sort()).toEqual([...MOCKING_HOOK_NAMES].sort());
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns once, naming itself, and leaves a plugin it cannot find as Storybook made it', async () => {
    const plugins = await storybookPlugins();
    const loader = plugins.find((p) => p.name === 'storybook:mock-loader')!;
    loader.name = 'storybook:mock-loader-renamed';
    const original = loader.buildStart;
    const warn = vi.fn();
    const wrapped = skipUnusedMocking(plugins, preview, warn);
    expect(wrapped).not.toContain('storybook:mock-loader:buildStart');
    expect(loader.buildStart).toBe(original);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[workbench\] patch skipUnusedMocking .*storybook:mock-loader:buildStart not found.*steps aside/);
    skipUnusedMocking(plugins, preview, warn);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('loopbackWithoutGzip against the installed Storybook', () => {
  // Read as text: the middleware is bundled into Storybook's dev server, not a module of its own.
  const read = (specifier: string) => readFileSync(createRequire(import.meta.url).resolve(specifier), 'utf8');

  it("finds Storybook's dev server compressing by the request's Accept-Encoding, with the same server Vite gets for HMR", () => {
    const coreServer = read('storybook/internal/core-server');
    // @polka/compression, bundled: the encoding comes from the request's Accept-Encoding, and none means no compression.
    expect(coreServer).toMatch(/let accept = req\.headers\["accept-encoding"\] \+ ""/);
    expect(coreServer).toMatch(/if \(req\.method === "HEAD" \|\| !encoding\) return next\(\);/);
    expect(coreServer).toMatch(/app\.use\(build_default\(\{ level: 1 \}\)\)/);
    // builder-vite hands Vite Storybook's HTTP server as the HMR server: the server the patch listens on.
    expect(read('@storybook/builder-vite')).toMatch(/hmr: \{\s*port: options\.port,\s*server: devServer\s*\}/);
  });
});
