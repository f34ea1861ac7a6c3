import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { filterStorybookHooks } from './filterStorybookHooks';

type ObjectHook = { filter?: { id?: { exclude?: RegExp } }; handler: (id: string) => unknown };

describe('filterStorybookHooks', () => {
  it('filters the unfiltered hooks of Storybook plugins, and only those', () => {
    const resolveId = (id: string) => (id === 'virtual:/@storybook/builder-vite/vite-app.js' ? '\0virtual' : undefined);
    const load = (id: string) => (id === '\0virtual' ? 'code' : undefined);
    const alreadyFiltered = { filter: { id: /\.stories\.ts$/ }, handler: () => undefined };
    const storybook = { name: 'storybook:code-generator-plugin', resolveId, load } as unknown as Plugin;
    const storybookFiltered = { name: 'storybook:inject-export-order-plugin', transform: alreadyFiltered } as unknown as Plugin;
    const other = { name: 'amo-workbench:host-bundle', load } as unknown as Plugin;

    const filtered = filterStorybookHooks([storybook, [storybookFiltered, other], false, null]);

    expect(filtered).toEqual(['storybook:code-generator-plugin:resolveId', 'storybook:code-generator-plugin:load']);
    const resolveHook = storybook.resolveId as unknown as ObjectHook;
    const loadHook = storybook.load as unknown as ObjectHook;
    // The handlers are the plugin's own; the filters leave out what they never handle.
    expect(resolveHook.handler).toBe(resolveId);
    expect(loadHook.handler).toBe(load);
    expect(resolveHook.filter!.id!.exclude!.test('./_baseIsEqual.js')).toBe(true);
    expect(resolveHook.filter!.id!.exclude!.test('virtual:/@storybook/builder-vite/vite-app.js')).toBe(false);
    expect(resolveHook.filter!.id!.exclude!.test('/work/node_modules/@storybook/builder-vite/input/iframe.html')).toBe(false);
    expect(loadHook.filter!.id!.exclude!.test('/work/node_modules/lodash/lodash.js')).toBe(true);
    expect(loadHook.filter!.id!.exclude!.test('\0virtual:/@storybook/builder-vite/vite-app.js')).toBe(false);
    expect(loadHook.filter!.id!.exclude!.test('/work/iframe.html')).toBe(false);
    expect(storybookFiltered.transform).toBe(alreadyFiltered);
    expect(other.load).toBe(load);
  });
});
