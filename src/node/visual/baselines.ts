/**
 * (Node) A capture against its baseline, for the repository's visual run and `amo-workbench test`
 * alike: read the baseline (so a matching capture can stop at its first screenshot), write it with
 * `update` or when it is missing outside CI, or compare it and leave the actual and diff images
 * beside the report. The callers word the outcome for their readers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareImages } from './compareImages.ts';

export interface BaselineStore {
  /** The baselines' folder (one per Chromium major). */
  dir: string;
  /** Where the actual and diff images of a capture that differs go. */
  reportDir: string;
  update: boolean;
  inCi: boolean;
}

export type BaselineOutcome =
  | { kind: 'written' }
  | { kind: 'missing'; file: string }
  | { kind: 'not-written'; file: string }
  | { kind: 'matches' }
  | { kind: 'differs'; diffPixels: number; ratio: number; diffFile: string };

const fileOf = (store: BaselineStore, name: string) => path.join(store.dir, `${name}.png`);

/** The baseline to compare with, unless it is about to be rewritten or is not there. */
export function readBaseline(store: BaselineStore, name: string): Buffer | undefined {
  const file = fileOf(store, name);
  return !store.update && existsSync(file) ? readFileSync(file) : undefined;
}

/**
 * `baseline`: the one readBaseline gave for this capture, so the file is read once. `mayWrite`
 * false (the story failed its checks): a broken render never becomes what later runs compare with.
 */
export function checkBaseline(store: BaselineStore, name: string, image: Buffer, baseline = readBaseline(store, name), mayWrite = true): BaselineOutcome {
  if (!baseline) {
    const file = fileOf(store, name);
    if (!store.update && store.inCi) return { kind: 'missing', file };
    if (!mayWrite) return { kind: 'not-written', file };
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(file, image);
    return { kind: 'written' };
  }
  const result = compareImages(baseline, image);
  if (result.diffPixels === 0) return { kind: 'matches' };
  mkdirSync(store.reportDir, { recursive: true });
  const diffFile = path.join(store.reportDir, `${name}.diff.png`);
  writeFileSync(path.join(store.reportDir, `${name}.actual.png`), image);
  writeFileSync(diffFile, result.diff);
  return { kind: 'differs', diffPixels: result.diffPixels, ratio: result.ratio, diffFile };
}
