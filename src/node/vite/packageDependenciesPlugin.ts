/**
 * (Node) For a project in a linked layout (pnpm, npm's --install-strategy=linked), which sees only its
 * direct dependencies: Storybook and the workbench import packages that Vite looks up from the
 * project's root (its virtual modules' imports, the pre-bundled packages). Such an import is
 * resolved from the workbench's package instead, and each pre-bundled package is named through the
 * package that has it (Vite's `a > b`). Only in such a layout: elsewhere it would be work for nothing.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { installedFrom } from '../projectLayout.ts';

/** Where a pre-bundled package may come from: the workbench, or the Storybook packages it installs. */
const PARENT_CHAINS = [[], ['storybook'], ['@storybook/html-vite'], ['@storybook/html-vite', '@storybook/html']];

export function packageDependenciesPlugin(packageRoot: string): Plugin {
  const fromPackage = path.join(packageRoot, 'package.json');
  return {
    name: 'amo-workbench:package-dependencies',
    // After every other plugin's config (Storybook's builder adds its own pre-bundled packages), and
    // after Vite's resolver failed: a resolvable import costs nothing more.
    enforce: 'post',
    config(config) {
      const include = config.optimizeDeps?.include;
      if (include) config.optimizeDeps!.include = include.map((name) => throughInstaller(name, packageRoot));
    },
    resolveId: {
      filter: { id: /^(?![./\0]|[a-zA-Z]:|virtual:)/ },
      handler(source, _importer, options) {
        return this.resolve(source, fromPackage, { ...options, skipSelf: true });
      },
    },
  };
}

/** `amo-workbench > storybook > ts-dedent`: a pre-bundled package by way of the package that has it; unchanged when none does. */
export function throughInstaller(name: string, packageRoot: string): string {
  if (name.includes('>')) return name;
  const base = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
  for (const chain of PARENT_CHAINS) {
    let dir: string | undefined = packageRoot;
    for (const parent of chain) dir = dir && installedFrom(dir, parent);
    if (dir && installedFrom(dir, base)) return ['amo-workbench', ...chain, name].join(' > ');
  }
  return name;
}
