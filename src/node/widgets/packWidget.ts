/**
 * (Node) `amo-workbench pack`: the upload archive of a widget folder. Validates first and writes
 * nothing on an error. The files shipped (shippedFiles.ts) go at the archive's root, sorted, each
 * with the same fixed timestamp and mode, so the same folder always gives the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { shippedFiles } from './shippedFiles.ts';
import { validateWidget, type Validation } from './validateWidget.ts';

/** 1980-01-01 00:00 local: the earliest time a zip entry can hold, the same for every archive. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

export interface PackResult {
  validation: Validation;
  /** Absent when validation found errors. */
  archive?: { file: string; bytes: number; files: string[] };
}

export function zipFolder(dir: string): { zip: Uint8Array; files: string[] } {
  const { files } = shippedFiles(dir);
  const entries: Zippable = {};
  for (const file of files) entries[file.relative] = [readFileSync(file.real), { mtime: FIXED_TIME, level: 9, os: 3, attrs: 0o100644 << 16 }];
  return { zip: zipSync(entries, { mtime: FIXED_TIME }), files: files.map((f) => f.relative) };
}

export function packWidget(dir: string, outFile = path.join(dir, '..', 'widget.zip')): PackResult {
  const validation = validateWidget(dir);
  if (validation.errors) return { validation };
  const { zip, files } = zipFolder(dir);
  mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  writeFileSync(outFile, zip);
  return { validation, archive: { file: outFile, bytes: zip.length, files } };
}
