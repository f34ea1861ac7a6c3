#!/usr/bin/env node
// Writes placeholder upload logos (images/logo*.png at the exact sizes) into a widget folder.
// Usage: node scripts/make-logos.mjs <widget folder> [#rrggbb]
import { register } from 'tsx/esm/api';

register();
const { writePlaceholderLogos } = await import('../src/node/cli/logos.ts');
const [dir, color] = process.argv.slice(2);
if (!dir) {
  console.error('Usage: node scripts/make-logos.mjs <widget folder> [#rrggbb]');
  process.exit(2);
}
console.log(writePlaceholderLogos(dir, color).join('\n'));
