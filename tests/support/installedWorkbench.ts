/**
 * The workbench as a widget developer installs it: `npm pack` of this repository, installed into a
 * fresh project outside it (`--prefer-offline`: CI reuses the machine's npm cache).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface InstalledWorkbench {
  /** The user's project, with the package installed. */
  project: string;
  /** The installed `amo-workbench` command's script. */
  bin: string;
}

/**
 * `linked`: npm's isolated layout (as pnpm's), where the project sees only its direct dependencies.
 * A tarball already packed into `work` is installed again rather than packed anew.
 */
export function installPackedWorkbench(root: string, work: string, name = 'my-widget', layout: 'hoisted' | 'linked' = 'hoisted'): InstalledWorkbench {
  mkdirSync(work, { recursive: true });
  const packed = () => readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!packed()) execFileSync('npm', ['pack', '--pack-destination', work], { cwd: root, stdio: 'pipe' });
  const tarball = path.join(work, packed()!);
  const project = path.join(work, name);
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name, private: true }, null, 2)}\n`);
  const strategy = layout === 'linked' ? ['--install-strategy=linked'] : [];
  execFileSync('npm', ['install', '--save-dev', tarball, ...strategy, '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: project,
    stdio: 'pipe',
    timeout: 240_000,
  });
  return { project, bin: path.join(project, 'node_modules', 'amo-workbench', 'bin', 'amo-workbench.mjs') };
}
