/**
 * Builds tests/fixtures/typed-widget the way a developer's own toolchain would: `tsc` type-checks
 * and compiles the TypeScript source against the workbench's exported types, then a Vite library
 * build bundles it to UMD (an anonymous AMD `define` under require.js) with the host module ids
 * external. The output folder (manifest.json + personal_page.js) is a widget folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { HOST_MODULE_IDS } from '../../src/common/hostModuleIds';

export async function buildTypedWidget(root: string, outDir: string, workDir: string): Promise<void> {
  const fixture = path.join(root, 'tests/fixtures/typed-widget');
  const esm = path.join(workDir, 'typed-widget-esm');
  execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', path.join(fixture, 'tsconfig.json'), '--outDir', esm], { stdio: 'pipe' });
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: path.join(esm, 'tests/fixtures/typed-widget/src/personal_page.js'),
        formats: ['umd'],
        name: 'personalPage',
        fileName: () => 'personal_page.js',
      },
      rollupOptions: {
        external: [...HOST_MODULE_IDS],
        output: { exports: 'default', globals: Object.fromEntries(HOST_MODULE_IDS.map((id) => [id, id])) },
      },
    },
  });
  mkdirSync(outDir, { recursive: true });
  copyFileSync(path.join(fixture, 'manifest.json'), path.join(outDir, 'manifest.json'));
}
