import * as builderVite from '@storybook/builder-vite';
// @ts-expect-error -- builder-vite publishes no types for its preset
import * as builderVitePreset from '@storybook/builder-vite/preset';
import { describe, expect, it, vi } from 'vitest';
import { chooseBuilder } from './chooseBuilder.ts';
import * as viteBuilder from './index.ts';
// @ts-expect-error -- plain JS on purpose (Storybook looks for `preset.js` beside the builder's entry)
import * as viteBuilderPreset from './preset.js';

describe('the workbench Vite builder (core.builder without change detection)', () => {
  it("is builder-vite with no change-detection adapter, so Storybook's module-graph engine never starts", () => {
    expect(Object.keys(viteBuilder).sort()).toEqual(Object.keys(builderVite).sort());
    for (const name of ['start', 'build', 'bail', 'corePresets'] as const) expect(viteBuilder[name]).toBe(builderVite[name]);
    expect(typeof builderVite.changeDetectionAdapter).toBe('function');
    expect(viteBuilder.changeDetectionAdapter).toBeUndefined();
  });

  it("keeps builder-vite's preset beside its entry, where addon-vitest's loader looks for it", () => {
    const preset = viteBuilderPreset as Record<string, unknown>;
    expect(Object.keys(preset).sort()).toEqual(Object.keys(builderVitePreset).sort());
    expect(preset.viteCorePlugins).toBe((builderVitePreset as Record<string, unknown>).viteCorePlugins);
  });
});

describe('choosing the builder', () => {
  it('takes the workbench builder while the installed builder-vite offers the adapter it removes', () => {
    const warn = vi.fn();
    expect(chooseBuilder(builderVite as unknown as Record<string, unknown>, warn)).toMatch(/viteBuilder[\\/]index\.ts$/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns, naming itself, and keeps Storybook’s builder when the adapter is gone (simulated)', () => {
    const warn = vi.fn();
    const { changeDetectionAdapter: _gone, ...withoutAdapter } = builderVite as unknown as Record<string, unknown>;
    expect(chooseBuilder(withoutAdapter, warn)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[workbench\] patch viteBuilder: .*no changeDetectionAdapter/);
  });
});
