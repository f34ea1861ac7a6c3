/** (Node) `amo-workbench init [DIR]`: a minimal, correct personal_page widget in an empty folder. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writePlaceholderLogos } from './logos.ts';
import { templateFiles } from './widgetTemplate.ts';

export interface InitResult {
  dir: string;
  files: string[];
}

export function initWidget(dir: string): InitResult | { problem: string } {
  if (existsSync(dir) && readdirSync(dir).some((name) => !name.startsWith('.'))) {
    return { problem: `${dir} is not empty: init writes a new widget into an empty (or new) folder. Give another folder: amo-workbench init my-widget.` };
  }
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [file, text] of Object.entries(templateFiles(path.basename(dir)))) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    files.push(file);
  }
  files.push(...writePlaceholderLogos(dir));
  if (!hasPackageJson(dir)) {
    const pkg = {
      name: path.basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'my-widget',
      private: true,
      scripts: { dev: 'amo-workbench dev', test: 'amo-workbench test', validate: 'amo-workbench validate', pack: 'amo-workbench pack' },
    };
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    files.push('package.json');
  }
  return { dir, files: files.sort() };
}

function hasPackageJson(dir: string): boolean {
  return existsSync(path.join(dir, 'package.json'));
}
