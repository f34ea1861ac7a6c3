#!/usr/bin/env node
// Writes the upload logos of a widget folder (images/logo*.png at the exact sizes amoCRM asks for):
// a plain coloured card with a lighter square, the same bytes every run. For the example widgets.
// Usage: node scripts/make-logos.mjs <widget folder> [#rrggbb]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

const SIZES = { 'logo_main.png': [400, 272], 'logo_small.png': [108, 108], 'logo.png': [130, 100] };
const [dir, color = '#2f6fde'] = process.argv.slice(2);
if (!dir) {
  console.error('Usage: node scripts/make-logos.mjs <widget folder> [#rrggbb]');
  process.exit(2);
}
const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
mkdirSync(path.join(dir, 'images'), { recursive: true });
for (const [file, [width, height]] of Object.entries(SIZES)) {
  const png = new PNG({ width, height, colorType: 2 });
  const side = Math.round(Math.min(width, height) * 0.45);
  const [x0, y0] = [Math.round((width - side) / 2), Math.round((height - side) / 2)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inner = x >= x0 && x < x0 + side && y >= y0 && y < y0 + side;
      const i = (y * width + x) * 4;
      png.data[i] = inner ? 255 : r;
      png.data[i + 1] = inner ? 255 : g;
      png.data[i + 2] = inner ? 255 : b;
      png.data[i + 3] = 255;
    }
  }
  writeFileSync(path.join(dir, 'images', file), PNG.sync.write(png, { colorType: 2 }));
}
console.log(`${dir}/images: ${Object.keys(SIZES).join(', ')}`);
