import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initWidget } from './init';

const work = mkdtempSync(path.join(tmpdir(), 'wb-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const packageName = (folder: string) => {
  const dir = path.join(work, folder);
  expect(initWidget(dir)).toMatchObject({ dir });
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name;
};

describe('amo-workbench init', () => {
  it('names the new package.json after the folder, as npm allows names', () => {
    expect(packageName('Deal Docs (v2)')).toBe('deal-docs-v2');
  });

  it('keeps a readable name for a folder named in another script', () => {
    expect(packageName('Мой виджет #1')).toBe('my-widget');
  });

  it('refuses a folder that is not empty', () => {
    expect(initWidget(path.join(work, 'Deal Docs (v2)'))).toMatchObject({ problem: expect.stringContaining('is not empty') });
  });
});
