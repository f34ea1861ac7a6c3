import { describe, expect, it } from 'vitest';
import { closestId } from './closestId';
import { describeLoadFailure, type LoadFailureContext } from './describeLoadFailure';
import { HOST_MODULE_IDS } from '../../common/hostModuleIds';

const ctx = (over: Partial<LoadFailureContext> = {}): LoadFailureContext => ({
  widget: 'w',
  scriptUrl: 'http://x/widgets/w/personal_page.js',
  unknownIds: new Set(),
  scriptErrors: [],
  waitSeconds: 3,
  ...over,
});
const requireError = (requireType: string, requireModules: string[], originalError?: Error) =>
  Object.assign(new Error(requireType), { requireType, requireModules, originalError });

describe('describeLoadFailure', () => {
  it('names an id the host does not provide, with a suggestion and the provided list', async () => {
    const failure = await describeLoadFailure(requireError('nodefine', ['lodahs']), ctx({ unknownIds: new Set(['lodahs']) }));
    expect(failure.phase).toBe('load');
    expect(failure.reason).toBe('define() asks for module "lodahs", which the host does not provide.');
    expect(failure.hint).toContain('Did you mean "lodash"?');
    expect(failure.hint).toContain(HOST_MODULE_IDS.join(', '));
  });

  it('tells a subpath of a host package what to name or bundle instead', async () => {
    const client = await describeLoadFailure(requireError('nodefine', ['react-dom/client']), ctx({ unknownIds: new Set(['react-dom/client']) }));
    expect(client.reason).toBe('define() asks for module "react-dom/client", which the host does not provide.');
    expect(client.hint).toMatch(/^The host’s "react-dom" is react-dom merged with react-dom\/client .* output\.paths \{ "react-dom\/client": "react-dom" \}/);
    expect(client.hint).not.toContain('Bundle anything else');
    const jsx = await describeLoadFailure(requireError('nodefine', ['react/jsx-runtime']), ctx({ unknownIds: new Set(['react/jsx-runtime']) }));
    expect(jsx.hint).toMatch(/^"react\/jsx-runtime" is not a host module: bundle it/);
    const lodash = await describeLoadFailure(requireError('nodefine', ['lodash/debounce']), ctx({ unknownIds: new Set(['lodash/debounce']) }));
    expect(lodash.hint).toBe(
      'The host provides "lodash" as a whole, not "lodash/debounce": use "lodash" itself, or bundle "lodash/debounce" into personal_page.js.',
    );
  });

  it('gives no suggestion when nothing is close', async () => {
    const failure = await describeLoadFailure(requireError('nodefine', ['moment']), ctx({ unknownIds: new Set(['moment']) }));
    expect(failure.hint).not.toContain('Did you mean');
  });

  it('tells a syntax error from a missing define', async () => {
    const syntax = await describeLoadFailure(
      requireError('nodefine', [ctx().scriptUrl]),
      ctx({ scriptErrors: [{ message: "Uncaught SyntaxError: Unexpected token ';'", line: 7, column: 3 }] }),
    );
    expect(syntax.reason).toBe("Uncaught SyntaxError: Unexpected token ';' (personal_page.js:7:3)");
    expect(syntax.hint).toMatch(/syntax error/);
    const noDefine = await describeLoadFailure(requireError('nodefine', [ctx().scriptUrl]), ctx());
    expect(noDefine.reason).toBe('personal_page.js ran but never called define().');
    expect(noDefine.hint).toMatch(
      /webpack output\.library\.type "amd" \(not "amd-require", which calls require\(\) and returns nothing\), rollup output\.format "amd", Vite build\.lib formats \["umd"\] \(esbuild, Bun and Parcel write no AMD: wrap their iife output in define/,
    );
    const versioned = `${ctx().scriptUrl}?v=1a2b`;
    const noDefineVersioned = await describeLoadFailure(requireError('nodefine', [versioned]), ctx({ scriptUrl: versioned }));
    expect(noDefineVersioned.reason).toBe('personal_page.js ran but never called define().');
  });

  it('tells a named define apart from a missing one, naming the ids', async () => {
    const failure = await describeLoadFailure(requireError('nodefine', [ctx().scriptUrl]), ctx({ namedDefines: ['my-widget'] }));
    expect(failure.reason).toBe(
      'personal_page.js called define() with a module id of its own ("my-widget"), never anonymously: the host loads the script by its URL and never asks for that id.',
    );
    expect(failure.hint).toMatch(/rollup without output\.amd\.id/);
    // TypeScript's outFile: every module named, the entry last; one anonymous define naming it makes the script loadable.
    const outFile = await describeLoadFailure(requireError('nodefine', [ctx().scriptUrl]), ctx({ namedDefines: ['view', 'personal_page'] }));
    expect(outFile.hint).toContain('end the file with an anonymous define(["personal_page"], function (main) { return main; })');
  });

  it('tells an ES module apart, with how to build AMD instead', async () => {
    for (const message of ['Uncaught SyntaxError: Cannot use import statement outside a module', "Uncaught SyntaxError: Unexpected token 'export'"]) {
      const failure = await describeLoadFailure(requireError('nodefine', [ctx().scriptUrl]), ctx({ scriptErrors: [{ message, line: 1, column: 1 }] }));
      expect(failure.hint).toMatch(/^personal_page\.js is an ES module; .* Build it as AMD/);
    }
  });

  it('tells a CommonJS bundle apart, with how to build AMD instead', async () => {
    for (const message of [
      'Uncaught ReferenceError: module is not defined',
      'Uncaught ReferenceError: exports is not defined',
      'Uncaught ReferenceError: require is not defined',
    ]) {
      const failure = await describeLoadFailure(requireError('nodefine', [ctx().scriptUrl]), ctx({ scriptErrors: [{ message, line: 1, column: 1 }] }));
      expect(failure.hint).toMatch(/^personal_page\.js is a CommonJS bundle .* Build it as AMD/);
    }
  });

  it('explains a timeout with the modules still waiting', async () => {
    const failure = await describeLoadFailure(requireError('timeout', ['a', 'b']), ctx());
    expect(failure.reason).toBe('requirejs gave up after 3 s waiting for: a, b.');
  });

  it('reports a throwing factory as the factory phase', async () => {
    const failure = await describeLoadFailure(requireError('define', [ctx().scriptUrl], new RangeError('bad')), ctx());
    expect(failure).toMatchObject({ phase: 'factory', reason: 'the define() factory threw: RangeError: bad' });
  });

  it('reports a host module that failed to load as a load failure', async () => {
    const failure = await describeLoadFailure(requireError('define', ['react'], new Error('chunk failed')), ctx());
    expect(failure).toMatchObject({ phase: 'load', reason: 'host module "react" failed to load: chunk failed' });
  });
});

describe('closestId', () => {
  it('suggests typos only', () => {
    expect(closestId('jqeury', HOST_MODULE_IDS)).toBe('jquery');
    expect(closestId('immer', HOST_MODULE_IDS)).toBeUndefined();
    expect(closestId('React', HOST_MODULE_IDS)).toBe('react');
    expect(closestId('classnames2', HOST_MODULE_IDS)).toBe('classnames');
  });
});
