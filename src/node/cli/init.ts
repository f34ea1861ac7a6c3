/** (Node) `amo-workbench init [DIR]`: a minimal, correct personal_page widget in an empty folder. */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writePlaceholderLogos } from './logos.ts';
import { templateFiles } from './widgetTemplate.ts';

const SCRIPTS: Record<string, string> = {
  dev: 'amo-workbench dev',
  test: 'amo-workbench test',
  validate: 'amo-workbench validate',
  pack: 'amo-workbench pack',
};

export interface InitResult {
  dir: string;
  files: string[];
}

export function initWidget(dir: string): InitResult | { problem: string } {
  // A fresh project (package.json, the installed workbench) counts as empty: init then adds the widget beside them.
  const PROJECT = new Set(['package.json', 'package-lock.json', 'node_modules', 'yarn.lock', 'pnpm-lock.yaml']);
  if (existsSync(dir) && readdirSync(dir).some((name) => !name.startsWith('.') && !PROJECT.has(name))) {
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
  if (hasPackageJson(dir)) {
    // Scripts the project does not have yet; its own stay as they are.
    const file = path.join(dir, 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> };
    const scripts = { ...SCRIPTS, ...pkg.scripts };
    if (pkg.scripts?.test === 'echo "Error: no test specified" && exit 1') scripts.test = SCRIPTS.test!;
    if (JSON.stringify(scripts) !== JSON.stringify(pkg.scripts)) {
      writeFileSync(file, `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n`);
      files.push('package.json (scripts)');
    }
  } else {
    // npm names are lowercase Latin: a folder named in another script ("Мой виджет #1") keeps a readable default.
    const slug = path
      .basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '');
    const pkg = {
      name: /[a-z]/.test(slug) ? slug : 'my-widget',
      private: true,
      scripts: SCRIPTS,
    };
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    files.push('package.json');
  }
  return { dir, files: files.sort() };
}

function hasPackageJson(dir: string): boolean {
  return existsSync(path.join(dir, 'package.json'));
}
