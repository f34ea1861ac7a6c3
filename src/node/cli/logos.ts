/**
 * (Node) Placeholder logos at the exact sizes the upload form asks for: a plain coloured card with a
 * lighter square, the same bytes every run. For `init` and the example widgets; replace them before
 * you upload.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export const PLACEHOLDER_LOGOS = { 'logo_main.png': [400, 272], 'logo_small.png': [108, 108], 'logo.png': [130, 100] } as const;

export function writePlaceholderLogos(dir: string, color = '#2f6fde'): string[] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  const written: string[] = [];
  for (const [file, [width, height]] of Object.entries(PLACEHOLDER_LOGOS)) {
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
    written.push(`images/${file}`);
  }
  return written;
}
