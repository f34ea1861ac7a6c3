import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './packageRoot';
import { isLinkedLayout, layoutProblem } from './projectLayout';

const work = mkdtempSync(path.join(tmpdir(), 'wb-layout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project whose node_modules holds `packages` (each a bare package.json). */
function project(name: string, packages: string[]): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true }));
  for (const pkg of packages) {
    mkdirSync(path.join(dir, 'node_modules', pkg), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg, version: '1.0.0' }));
  }
  return dir;
}

describe('whether a project can run the workbench installed in it', () => {
  it('passes a hoisted install and this repository', () => {
    expect(layoutProblem(project('hoisted', ['amo-workbench', 'storybook', 'vite', 'msw', 'requirejs']))).toBeUndefined();
    expect(layoutProblem(PACKAGE_ROOT)).toBeUndefined();
  });

  it('names a project without the workbench (a global or npx-only install), with the install line', () => {
    expect(layoutProblem(project('bare', []), '/opt/global/amo-workbench')).toBe(
      'amo-workbench is not installed in this project (this one runs from /opt/global/amo-workbench); its Storybook runs from the project. Install it here: npm i -D amo-workbench',
    );
  });

  it('names a project path Vite cannot build under ("#", "?", "*"), reached directly or through a link', () => {
    const dir = project('c# widgets', ['amo-workbench', 'storybook']);
    expect(layoutProblem(dir)).toBe(
      `the project's path holds "#" (${dir}), which Vite, Storybook's builder, cannot build under: in its module ids "#" and "?" end a path and "*" is a wildcard. Rename the folder, or move the project to a path without "#", "?", "*"; widget folders elsewhere may keep such names.`,
    );
    const link = path.join(work, 'plain-link');
    symlinkSync(dir, link);
    expect(layoutProblem(link)).toContain(`holds "#" (${dir})`);
  });

  it("names Yarn's Plug'n'Play, with the setting that gives the project node_modules", () => {
    const dir = project('pnp', []);
    writeFileSync(path.join(dir, '.pnp.cjs'), '');
    expect(layoutProblem(dir)).toMatch(/Yarn's Plug'n'Play.*Add nodeLinker: node-modules to \.yarnrc\.yml and run yarn install\.$/);
  });

  it('tells a linked layout (pnpm, npm --install-strategy=linked), which it runs in, from a hoisted one', () => {
    expect(layoutProblem(project('linked', ['amo-workbench']))).toBeUndefined();
    expect(isLinkedLayout(path.join(work, 'linked'))).toBe(true);
    expect(isLinkedLayout(path.join(work, 'hoisted'))).toBe(false);
    expect(isLinkedLayout(PACKAGE_ROOT)).toBe(false);
  });
});
