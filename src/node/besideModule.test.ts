import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { besideModule } from './besideModule.ts';

describe('besideModule', () => {
  const dir = path.resolve('/pkg/src/node/patches');
  it('keeps a source name beside a TypeScript module (this repository)', () => {
    expect(besideModule(pathToFileURL(path.join(dir, 'chooseBuilder.ts')).href, './index.ts')).toBe(path.join(dir, 'index.ts'));
  });
  it('names the compiled file beside a compiled module (the installed package)', () => {
    const compiled = path.resolve('/pkg/dist/node/patches');
    expect(besideModule(pathToFileURL(path.join(compiled, 'chooseBuilder.js')).href, './index.ts')).toBe(path.join(compiled, 'index.js'));
    expect(besideModule(pathToFileURL(path.join(compiled, 'vendorCache.js')).href, '../../build/bundleModules.ts')).toBe(
      path.resolve('/pkg/dist/build/bundleModules.js'),
    );
  });
});
