// Wiring only: the workbench preset (src/node/preset.ts) with this repository's example widgets and
// fixtures, plus the hand-written stories. The `amo-workbench` command uses the same preset.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/html-vite';
import { visualTestsAddons, type WorkbenchPresetOptions } from '../src/node/preset.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workbench: WorkbenchPresetOptions = { projectRoot: root, projectWidgets: true, fixtures: true };

const config: StorybookConfig = {
  stories: ['../stories/*.stories.ts'],
  framework: { name: '@storybook/html-vite', options: {} },
  core: { disableTelemetry: true },
  // Storybook's Vitest addon: "Run tests" in the UI runs the storybook project of vitest.config.ts.
  addons: [{ name: path.join(root, 'src/node/preset.ts'), options: workbench }, '@storybook/addon-vitest', ...visualTestsAddons(root)],
};
export default config;
