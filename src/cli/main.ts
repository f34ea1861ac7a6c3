/**
 * (Node) The `amo-workbench` command: `validate` and `pack` for the upload archive. Problems print
 * one a line (severity, file, what is wrong, the fix); the exit code is 1 on any error, 2 on a
 * usage mistake.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packWidget } from '../widgets/packWidget.ts';
import { formatValidation, validateWidget } from '../widgets/validateWidget.ts';

const USAGE = `Usage: amo-workbench <command> [options]

Commands:
  validate [folder] [--json]          check a widget folder against the upload rules (default: the current folder)
  pack [folder] [-o widget.zip]       validate, then write the upload archive (default: ./widget.zip)

Exit code: 0 when there is no error, 1 on an error, 2 on a usage mistake.`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

const processIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l), cwd: process.cwd() };

export function run(argv: string[], io: Io = processIo): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' }, output: { type: 'string', short: 'o' } } });
  } catch (error) {
    io.err(`amo-workbench ${command}: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const folderArg = parsed.positionals[0] ?? '.';
  const folder = path.resolve(io.cwd, String(folderArg));
  const shown = path.relative(io.cwd, folder) || '.';
  switch (command) {
    case 'validate': {
      const validation = validateWidget(folder);
      if (parsed.values.json) {
        io.out(JSON.stringify({ folder: shown, errors: validation.errors, warnings: validation.warnings, problems: validation.lines }, null, 2));
      } else {
        for (const line of formatValidation(validation)) io.out(line);
        io.out(`${shown}: ${validation.errors} ${validation.errors === 1 ? 'error' : 'errors'}, ${validation.warnings} ${validation.warnings === 1 ? 'warning' : 'warnings'}`);
      }
      return validation.errors ? 1 : 0;
    }
    case 'pack': {
      const output = path.resolve(io.cwd, String(parsed.values.output ?? 'widget.zip'));
      if (!existsSync(folder)) {
        io.err(`amo-workbench pack: ${shown} does not exist.`);
        return 1;
      }
      const result = packWidget(folder, output);
      for (const line of formatValidation(result.validation)) (result.archive ? io.out : io.err)(line);
      if (!result.archive) {
        io.err(`amo-workbench pack: ${result.validation.errors} ${result.validation.errors === 1 ? 'error' : 'errors'}; no archive written. Fix them, then pack again.`);
        return 1;
      }
      const { file, bytes, files } = result.archive;
      io.out(`${path.relative(io.cwd, file) || file}: ${(bytes / 1024).toFixed(1)} KB, ${files.length} ${files.length === 1 ? 'file' : 'files'}`);
      return 0;
    }
    default:
      io.err(`amo-workbench: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
