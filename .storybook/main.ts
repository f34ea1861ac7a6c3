// Wiring only: widget discovery, serving and story generation live in src/widgets/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/html-vite';
import { mergeConfig } from 'vite';
import { prepareWorkbenchStories } from '../src/widgets/workbenchStories.ts';
import { prebundledPackages } from '../src/amd/prebundledPackages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workbench = prepareWorkbenchStories(root);

const config: StorybookConfig = {
  // stories/generated/ holds the CSF written for each widget folder (src/widgets/widgetStoryFiles.ts).
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/html-vite', options: {} },
  addons: ['@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [workbench.plugin],
      optimizeDeps: { include: prebundledPackages },
      server: { fs: { allow: [root, ...workbench.discovery.widgets.map((w) => w.dir)] } },
    }),
};
export default config;
