/**
 * Compares a screenshot with its baseline, pixel by pixel (pixelmatch on PNGs decoded by pngjs).
 * Images of different sizes differ everywhere outside their common area.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface Comparison {
  width: number;
  height: number;
  diffPixels: number;
  /** diffPixels / all pixels of the larger image, 0..1. */
  ratio: number;
  /** Red where they differ, the baseline faded elsewhere. */
  diff: Buffer;
}

export function compareImages(baseline: Buffer, actual: Buffer): Comparison {
  const a = PNG.sync.read(baseline);
  const b = PNG.sync.read(actual);
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const left = pad(a, width, height);
  const right = pad(b, width, height);
  const diff = new PNG({ width, height });
  // threshold 0: any change of colour counts; anti-aliasing detection stays on.
  const diffPixels = pixelmatch(left.data, right.data, diff.data, width, height, { threshold: 0 });
  return { width, height, diffPixels, ratio: diffPixels / (width * height), diff: PNG.sync.write(diff) };
}

function pad(image: PNG, width: number, height: number): PNG {
  if (image.width === width && image.height === height) return image;
  const padded = new PNG({ width, height, fill: true });
  padded.data.fill(0);
  PNG.bitblt(image, padded, 0, 0, image.width, image.height, 0, 0);
  return padded;
}
