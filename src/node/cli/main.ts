/**
 * (Node) The `amo-workbench` command, for a widget developer's own repository:
 *   dev | test | build  the Storybook of their widgets (the workbench preset, src/node/preset.ts)
 *   init                a new widget folder
 *   serve               the widget over HTTP for a live cabinet's addWidget
 *   validate | pack     the upload archive's rules and the archive
 * Problems print one a line; the exit code is 1 on a failure, 2 on a usage mistake.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shellArgument } from './shellArgument.ts';
import { devArguments } from './devArguments.ts';
import { chooseWidgetFolders } from './widgetFolders.ts';
// serve, dev, build and test load their modules (Storybook's, Vite's, Vitest's) when they run.

const USAGE = `Usage: amo-workbench <command> [options]

Commands:
  dev [folders...] [-p 6006] [--host 127.0.0.1] [--open]
                                      Storybook with your widgets in the client cabinet
  test [folders...] [--update] [--reporter junit|json --output FILE]
                                      the stories as tests and the visual comparison; exit 1 on a failure
  build [folders...] [-o DIR]         the static Storybook (for Chromatic or any static host)
  init [DIR]                          write a new personal_page widget into an empty folder
  serve [folder] [-p 3000]            serve the widget for window.AMOCRM.developer.addWidget in a live cabinet
  validate [folder] [--json]          check the upload rules
  pack [folder] [-o widget.zip]       validate, then write the upload archive

Folders: the ones given (or --widgets DIR, repeatable); else the current folder when it holds a
manifest.json; else its subfolders that are widget folders.`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

const processIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l), cwd: process.cwd() };

const OPTIONS = {
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  open: { type: 'boolean' },
  widgets: { type: 'string', multiple: true },
  update: { type: 'boolean', short: 'u' },
  reporter: { type: 'string' },
  ci: { type: 'boolean' },
} as const;

export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  let parsed: {
    values: {
      [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
        ? string[]
        : (typeof OPTIONS)[K]['type'] extends 'boolean'
          ? boolean
          : string;
    };
    positionals: string[];
  };
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: OPTIONS }) as typeof parsed;
  } catch (error) {
    io.err(`amo-workbench ${command}: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const folderArg = positionals[0] ?? '.';
  const folder = path.resolve(io.cwd, folderArg);
  const shown = path.relative(io.cwd, folder) || '.';
  const widgetFolders = () => chooseWidgetFolders(io.cwd, [...positionals, ...(values.widgets ?? [])], command);

  switch (command) {
    case 'validate': {
      // Each command loads what it uses: `dev` starts Storybook sooner without zod and the zip library.
      const { formatValidation, validateWidget } = await import('../widgets/validateWidget.ts');
      const validation = validateWidget(folder);
      if (values.json) {
        io.out(JSON.stringify({ folder: shown, errors: validation.errors, warnings: validation.warnings, problems: validation.lines }, null, 2));
      } else {
        for (const line of formatValidation(validation)) io.out(line);
        io.out(
          `${shown}: ${validation.errors} ${validation.errors === 1 ? 'error' : 'errors'}, ${validation.warnings} ${validation.warnings === 1 ? 'warning' : 'warnings'}`,
        );
      }
      return validation.errors ? 1 : 0;
    }
    case 'pack': {
      const output = path.resolve(io.cwd, values.output ?? 'widget.zip');
      if (!existsSync(folder)) {
        io.err(`amo-workbench pack: ${shown} does not exist.`);
        return 1;
      }
      const [{ packWidget }, { formatValidation }] = await Promise.all([import('../widgets/packWidget.ts'), import('../widgets/validateWidget.ts')]);
      const result = packWidget(folder, output);
      for (const line of formatValidation(result.validation)) (result.archive ? io.out : io.err)(line);
      if (!result.archive) {
        io.err(
          `amo-workbench pack: ${result.validation.errors} ${result.validation.errors === 1 ? 'error' : 'errors'}; no archive written. Fix them, then pack again.`,
        );
        return 1;
      }
      const { file, bytes, files } = result.archive;
      io.out(`${path.relative(io.cwd, file) || file}: ${(bytes / 1024).toFixed(1)} KB, ${files.length} ${files.length === 1 ? 'file' : 'files'}`);
      return 0;
    }
    case 'init': {
      const { initWidget } = await import('./init.ts');
      const result = initWidget(folder);
      if ('problem' in result) {
        io.err(`amo-workbench init: ${result.problem}`);
        return 1;
      }
      io.out(`A new widget in ${shown}: ${result.files.join(', ')}`);
      io.out(`Next: ${shown === '.' ? '' : `cd ${shellArgument(shown)} && `}npx amo-workbench dev   (then test, validate, pack)`);
      return 0;
    }
    case 'serve': {
      if (!existsSync(path.join(folder, 'personal_page.js'))) {
        io.err(`amo-workbench serve: no personal_page.js in ${shown}; give the widget folder (or its build output).`);
        return 1;
      }
      const { describeServe, serveWidget } = await import('./serve.ts');
      const serving = await serveWidget(folder, { port: values.port ? Number(values.port) : 3000, host: values.host });
      for (const line of describeServe(folder, serving)) io.out(line);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => serving.server.close(() => resolve()));
        process.once('SIGTERM', () => serving.server.close(() => resolve()));
      });
      return 0;
    }
    case 'dev':
    case 'build':
    case 'test': {
      const choice = widgetFolders();
      if ('problem' in choice) {
        io.err(`amo-workbench ${command}: ${choice.problem}`);
        return 1;
      }
      const { layoutProblem } = await import('../projectLayout.ts');
      const layout = layoutProblem(io.cwd);
      if (layout) {
        io.err(`amo-workbench ${command}: ${layout}`);
        return 1;
      }
      if (command === 'test') {
        const { runTests } = await import('./testCommand.ts');
        return runTests({
          projectRoot: io.cwd,
          folders: choice.folders,
          update: Boolean(values.update),
          reporter: values.reporter as 'junit' | 'json' | undefined,
          output: values.output,
          log: io.out,
        });
      }
      const { exitCodeOf, runStorybook, writeStorybookConfig } = await import('./storybookProject.ts');
      const configDir = writeStorybookConfig(io.cwd, choice.folders);
      if (command === 'build') {
        const out = path.resolve(io.cwd, values.output ?? 'storybook-static');
        return exitCodeOf(runStorybook(io.cwd, ['build', '--config-dir', configDir, '-o', out]));
      }
      const flags = [
        ...(values.port ? ['-p', values.port] : []),
        ...(values.host ? ['--host', values.host] : []),
        ...(values.open ? [] : ['--no-open']),
        ...(values.ci ? ['--ci'] : []),
      ];
      const { args, warning } = devArguments(flags, { interactive: Boolean(process.stdin.isTTY) });
      if (warning) io.err(warning);
      const child = runStorybook(io.cwd, ['dev', '--config-dir', configDir, ...args]);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
      return exitCodeOf(child);
    }
    default:
      io.err(`amo-workbench: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
