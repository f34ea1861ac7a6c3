/**
 * The baseline the bench compares with: a minimal @storybook/html-vite Storybook with two trivial
 * stories, generated into a temporary folder and run from the same installed packages (its
 * node_modules is a link to the workbench's).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A bare html-vite Storybook project in `dir` (stories in `stories/*.stories.js`, node_modules linked
 * to the workbench's), with `addons`; the caller writes its stories.
 */
export function scaffoldBareStorybook(dir: string, root: string, name: string, addons: string[] = []): void {
  mkdirSync(path.join(dir, '.storybook'), { recursive: true });
  mkdirSync(path.join(dir, 'stories'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  writeFileSync(
    path.join(dir, '.storybook', 'main.js'),
    `export default { stories: ['../stories/*.stories.js'], framework: { name: '@storybook/html-vite', options: {} }, ${addons.length ? `addons: ${JSON.stringify(addons)}, ` : ''}core: { disableTelemetry: true } };\n`,
  );
}

export function createBaselineProject(dir: string, root: string): string {
  scaffoldBareStorybook(dir, root, 'bench-baseline');
  writeFileSync(
    path.join(dir, 'stories', 'Trivial.stories.js'),
    `export default { title: 'Trivial' };\n` +
      `export const Default = { render: () => { const el = document.createElement('p'); el.className = 'trivial'; el.textContent = 'Trivial story'; return el; } };\n` +
      // A second story for the story-switch ratio.
      `export const Other = { render: () => { const el = document.createElement('p'); el.className = 'trivial'; el.textContent = 'Other trivial story'; return el; } };\n`,
  );
  return dir;
}
