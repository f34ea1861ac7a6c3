/**
 * (Node) Whether the project can see the packages the workbench runs with. Storybook, Vite and the
 * preview resolve what the workbench imports from the project (the framework, Vite's pre-bundled
 * packages, the host emulator's own imports), so its dependencies must be visible from there. npm's
 * and Yarn's default layouts hoist them; pnpm's, and npm's linked strategy, give a project only its
 * direct dependencies; a global or npx-only install gives it none. Either failed deep inside
 * Storybook (a preset that would not load, "Failed to resolve import"); this says what to do first.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../packageRoot.ts';

/** Packages the project must see: what Storybook and Vite look up from the project's root. */
const SEEN_FROM_PROJECT = ['storybook', 'vite', 'msw', 'requirejs'];

export function layoutProblem(projectRoot: string, packageRoot: string = PACKAGE_ROOT): string | undefined {
  // This repository, where the workbench is the project.
  if (path.resolve(projectRoot) === path.resolve(packageRoot)) return undefined;
  const fromProject = createRequire(path.join(path.resolve(projectRoot), 'package.json'));
  const sees = (name: string) => {
    try {
      fromProject.resolve(`${name}/package.json`);
      return true;
    } catch {
      return false;
    }
  };
  if (!sees('amo-workbench')) {
    return `amo-workbench is not installed in this project (this one runs from ${packageRoot}); its Storybook runs from the project. Install it here: npm i -D amo-workbench`;
  }
  const hidden = SEEN_FROM_PROJECT.filter((name) => !sees(name));
  if (!hidden.length) return undefined;
  return (
    `this project cannot see ${hidden.join(', ')}, which amo-workbench runs with: its packages are installed in a linked layout ` +
    `(pnpm, or npm's --install-strategy=linked), where a project sees only its direct dependencies. ` +
    `With pnpm, add node-linker=hoisted to .npmrc and run pnpm install; with npm, install without --install-strategy=linked.`
  );
}
