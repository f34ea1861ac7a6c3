import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, waitFor } from 'storybook/test';
import { cabinetOf } from '../src/preview/cabinetOf';
import { fixtureWidget } from './fixtureWidgets';

/**
 * Every story render starts with the page's web storage empty (src/preview/webStorage.ts), so a
 * widget that counts its visits shows "1" whatever ran before: offline captures match Chromatic's
 * isolated snapshots. The loader below plays "a story before this one" by leaving a 5 in each kind
 * of storage; the toolbar's Storage: keep leaves storage alone for testing persistence.
 */
const meta = {
  title: 'Workbench/Web Storage',
  // Tests of storage, not pictures: the counts are checked by the play functions.
  tags: ['no-visual'],
  parameters: { chromatic: { disableSnapshot: true }, workbench: { widgets: [fixtureWidget('storage-counter')] } },
  loaders: [
    async () => {
      localStorage.setItem('visits', '5');
      sessionStorage.setItem('visits', '5');
      document.cookie = 'wb_visits=5; path=/';
      await new Promise<void>((resolve) => {
        const open = indexedDB.open('storage-counter', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('visits');
        open.onsuccess = () => {
          const tx = open.result.transaction('visits', 'readwrite');
          tx.objectStore('visits').put(5, 'count');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      });
      return {};
    },
  ],
} satisfies Meta;
export default meta;

const shows =
  (text: string): StoryObj['play'] =>
  async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const slot = canvasElement.querySelector<HTMLElement>('[data-widget="storage-counter"] .amo-widget__slot-host')!;
    await waitFor(() => expect(slot).toHaveTextContent(text));
  };

export const StartsEmpty: StoryObj = { play: shows('local 1 · session 1 · cookie 1 · idb 1') };

export const StartsEmptyAgain: StoryObj = { play: shows('local 1 · session 1 · cookie 1 · idb 1') };

export const KeepStorage: StoryObj = {
  globals: { storage: 'keep' },
  play: shows('local 6 · session 6 · cookie 6 · idb 6'),
};

export const SeededByTheState: StoryObj = {
  parameters: { workbench: { state: { name: 'Seeded', exportName: 'Seeded', localStorage: { visits: '41' } } } },
  play: shows('local 42 · session 1 · cookie 1 · idb 1'),
};

/** Storybook's own keys (the manager shares the origin's storage) stay; a widget's are gone, whatever their name. */
export const KeepsOnlyStorybooksKeys: StoryObj = {
  loaders: [
    () => {
      localStorage.setItem('lastViewedStoryIds', '["workbench-web-storage--starts-empty"]');
      localStorage.setItem('@storybook/manager/store', '{}');
      localStorage.setItem('theme', 'dark');
      localStorage.setItem('sidebar:open', 'true');
      return {};
    },
  ],
  play: async (context) => {
    await shows('local 1 · session 1 · cookie 1 · idb 1')!(context);
    await expect(localStorage.getItem('lastViewedStoryIds')).toBe('["workbench-web-storage--starts-empty"]');
    await expect(localStorage.getItem('@storybook/manager/store')).toBe('{}');
    await expect(localStorage.getItem('theme')).toBeNull();
    await expect(localStorage.getItem('sidebar:open')).toBeNull();
  },
};
