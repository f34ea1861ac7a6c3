/**
 * (Node) Whether the project can run the workbench installed in it. Storybook and Vite resolve from
 * the project's root; a global or npx-only install of the workbench leaves the project without it,
 * which failed deep inside Storybook or Vitest (`test` crashed on its config). A linked layout
 * (pnpm, npm's --install-strategy=linked), where the project sees only amo-workbench itself, is
 * supported: the preset resolves what the project cannot see from the workbench's package
 * (src/node/vite/packageDependenciesPlugin.ts). Yarn's Plug'n'Play, without node_modules, is not.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './packageRoot.ts';

/**
 * The folder of package `name` as Vite finds it from `dir` (its node_modules, then its parents'),
 * its real one: a linked layout's link points into a store, beside the package's own dependencies.
 * Not Node's require: pnpm's command shims set NODE_PATH to its store, which Node follows and Vite
 * does not.
 */
export function installedFrom(dir: string, name: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const candidate = path.join(at, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(at) === at) return undefined;
  }
}

/** Whether package `name` is in a node_modules folder at or above the project's root. */
export function seesPackage(projectRoot: string, name: string): boolean {
  return installedFrom(projectRoot, name) !== undefined;
}

/** Whether the project sees only amo-workbench, not the packages it runs with (pnpm's and npm's linked layouts). */
export function isLinkedLayout(projectRoot: string, packageRoot: string = PACKAGE_ROOT): boolean {
  return path.resolve(projectRoot) !== path.resolve(packageRoot) && !seesPackage(projectRoot, 'storybook');
}

export function layoutProblem(projectRoot: string, packageRoot: string = PACKAGE_ROOT): string | undefined {
  const unbuildable = unbuildablePath(projectRoot);
  if (unbuildable) return unbuildable;
  // This repository, where the workbench is the project.
  if (path.resolve(projectRoot) === path.resolve(packageRoot)) return undefined;
  if (seesPackage(projectRoot, 'amo-workbench')) return undefined;
  // Yarn's Plug'n'Play: no node_modules, where Storybook and Vite look for packages.
  if (existsSync(path.join(projectRoot, '.pnp.cjs'))) {
    return "this project uses Yarn's Plug'n'Play, without a node_modules folder, where Storybook and Vite look for the workbench's packages. Add nodeLinker: node-modules to .yarnrc.yml and run yarn install.";
  }
  return `amo-workbench is not installed in this project (this one runs from ${packageRoot}); its Storybook runs from the project. Install it here: npm i -D amo-workbench`;
}

/**
 * The characters Vite names when a root holds them ("may not work"): under such a path the build
 * failed with dozens of unrelated-looking errors (the workbench's SVGs parsed as JSX, "No matching
 * HTML proxy module") and Vitest could not find its test file. Vite's module ids are URLs and globs:
 * `#` and `?` end a path there, `*` matches. The real path counts too: Vite resolves through links.
 * A widget folder elsewhere may hold them (it is served under a plain name).
 */
const VITE_PATH_CHARACTERS = ['#', '?', '*'];

function unbuildablePath(projectRoot: string): string | undefined {
  let real = projectRoot;
  try {
    real = realpathSync(projectRoot);
  } catch {
    // a path that does not resolve fails later, with its own message
  }
  const shown = [path.resolve(projectRoot), real].find((p) => VITE_PATH_CHARACTERS.some((c) => p.includes(c)));
  if (!shown) return undefined;
  const found = VITE_PATH_CHARACTERS.filter((c) => shown.includes(c)).map((c) => `"${c}"`);
  return `the project's path holds ${found.join(' and ')} (${shown}), which Vite, Storybook's builder, cannot build under: in its module ids "#" and "?" end a path and "*" is a wildcard. Rename the folder, or move the project to a path without ${VITE_PATH_CHARACTERS.map((c) => `"${c}"`).join(', ')}; widget folders elsewhere may keep such names.`;
}
