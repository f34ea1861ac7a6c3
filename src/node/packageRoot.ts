/**
 * (Node) Where the installed workbench is (this file is `<package>/src/node/packageRoot.ts`). A module of
 * its own so the CLI can name the preset's path without loading the preset and everything it imports.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
