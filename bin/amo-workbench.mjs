#!/usr/bin/env node
// The amo-workbench command. The workbench's Node code is TypeScript, loaded through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/node/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
