#!/usr/bin/env node
// `npm run storybook`: Storybook's dev server on this machine only. Every Storybook dev flag passes
// through (-p, --ci, --no-open, ...); without --host it listens on 127.0.0.1, so nobody on the same
// network can read the widget folders or the client secret in the served bundle. --host with another
// address is the developer's explicit choice, and says what it exposes (src/node/cli/devArguments.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { devArguments } = await import('../src/node/cli/devArguments.ts');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { args, warning } = devArguments(process.argv.slice(2), { interactive: Boolean(process.stdin.isTTY) });
if (warning) console.warn(warning);
const storybook = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'storybook.cmd' : 'storybook');
const child = spawn(storybook, ['dev', ...args], { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
