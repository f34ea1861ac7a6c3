/**
 * Every folder-check fixture (tests/fixtures/widget-folders/<case>) yields exactly the problems
 * its expected-problems.json lists, messages and fixes included. The same folders become the
 * `Folder checks/<case>` stories, which show the problems above the cabinet.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWidgetFolder } from '../../src/node/widgets/readWidgetFolder';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/widget-folders');

describe('folder-check fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, () => {
      const problems = readWidgetFolder(path.join(fixtures, name)).problems;
      const expectedFile = path.join(fixtures, name, 'expected-problems.json');
      if (process.env.UPDATE_FOLDER_FIXTURES) writeFileSync(expectedFile, `${JSON.stringify(problems, null, 2)}\n`);
      expect(problems).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      expect(problems.length).toBeGreaterThan(0);
    });
  }
});
