import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKEND_STATES, HOST_STATES } from '../../common/stateSpec';
import { readWidgetFolder } from './readWidgetFolder';
import { identifyWidgets, widgetStorySource } from './widgetStoryFiles';
import { exportNameOf, folderStates, STATES_FILE } from './widgetStates';
import { shippedFiles } from './shippedFiles';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-states-'));
  temps.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const names = (dir: string, backend = false) => folderStates(dir, backend).states.map((s) => s.name);

describe('the states of a widget folder', () => {
  it('are the host states, named exactly, and the backend states for a folder with handlers', () => {
    const dir = folder({});
    expect(names(dir)).toEqual(['Default', 'Deal without company', 'Deal not loaded yet', 'Few fields', 'Long values']);
    expect(names(dir, true)).toEqual([...HOST_STATES, ...BACKEND_STATES].map((s) => s.name));
    expect(BACKEND_STATES.map((s) => s.name)).toEqual(['Loading', 'Empty', 'Server error', 'Forbidden', 'Expired token', 'Offline']);
    expect(folderStates(dir, true).problems).toEqual([]);
  });

  it('adds the states of workbench.states.json, replaces one of the same name and leaves out the omitted', () => {
    const dir = folder({
      [STATES_FILE]: JSON.stringify({
        states: [
          {
            name: 'Won deal',
            deal: {
              status: '142',
              fields: { 'lead-budget': 990000, 'lead-580101': null, 'lead-700001': { name: 'Region', type: 'select', value: { enum_id: 7, value: 'North' } } },
            },
            sys: { currencySymbol: '$' },
          },
          { name: 'Empty', backend: { scenario: 'empty', delayMs: 300 }, localStorage: { collapsed: 'true' } },
        ],
        omit: ['Long values'],
      }),
    });
    const { states, problems } = folderStates(dir, true);
    expect(problems).toEqual([]);
    expect(states.map((s) => s.name)).toEqual([
      'Default',
      'Deal without company',
      'Deal not loaded yet',
      'Few fields',
      'Loading',
      'Empty',
      'Server error',
      'Forbidden',
      'Expired token',
      'Offline',
      'Won deal',
    ]);
    expect(states.find((s) => s.name === 'Empty')).toEqual({
      name: 'Empty',
      exportName: 'Empty',
      backend: { scenario: 'empty', delayMs: 300 },
      localStorage: { collapsed: 'true' },
    });
    expect(states.at(-1)).toMatchObject({ exportName: 'WonDeal', deal: { status: '142' }, sys: { currencySymbol: '$' } });
  });

  it('reports each wrong key or value as a bad-states problem naming the state and the field, and keeps the good states', () => {
    const dir = folder({
      [STATES_FILE]: JSON.stringify({
        states: [
          { name: 'Good', deal: { company: false } },
          { name: 'Typo', deal: { compnay: false } },
          { name: 'Wrong budget', deal: { fields: { 'lead-budget': 'a lot' } } },
          { name: 'Bad scenario', backend: { scenario: 'teapot' } },
          { name: 'Unknown field', deal: { fields: { 'lead-999': 5 }, onlyFields: ['nope'] } },
          { name: 'Good' },
        ],
      }),
    });
    const { states, problems } = folderStates(dir, false);
    expect(states.map((s) => s.name)).toContain('Good');
    expect(states.map((s) => s.name)).not.toContain('Typo');
    expect(problems.every((p) => p.code === 'bad-states' && p.file === STATES_FILE)).toBe(true);
    const text = problems.map((p) => p.message);
    expect(text).toHaveLength(5);
    expect(text[0]).toMatch(/^State "Typo" \(states\[1\]\): deal: .*compnay/);
    expect(text[1]).toMatch(/^State "Wrong budget" \(states\[2\]\): deal\.fields\.lead-budget: .*number.*budget field/);
    expect(text[2]).toMatch(/^State "Bad scenario" \(states\[3\]\): backend\.scenario: /);
    expect(text[3]).toMatch(/^State "Unknown field" \(states\[4\]\): /);
    expect(text[3]).toMatch(/deal\.fields\.lead-999: not a field of the default deal/);
    expect(text[3]).toMatch(/deal\.onlyFields\.0: not a field of the default deal/);
    expect(text[4]).toMatch(/^State "Good" \(states\[5\]\): another state has this name/);
  });

  it('reports a wrong top level and a broken file, and still shows the workbench states', () => {
    const bad = folder({ [STATES_FILE]: JSON.stringify({ state: [] }) });
    expect(folderStates(bad, false).problems[0]!.message).toMatch(/workbench\.states\.json: \(the value\): .*state/);
    expect(names(bad)).toHaveLength(5);
    const broken = folder({ [STATES_FILE]: '{ "states": [' });
    expect(folderStates(broken, false).problems[0]!.code).toBe('invalid-json');
    expect(names(broken)).toHaveLength(5);
  });

  it('gives stable export names, ASCII-only, distinct for names ASCII cannot spell', () => {
    expect(exportNameOf('Big order')).toBe('BigOrder');
    expect(exportNameOf('Crème brûlée')).toBe('CremeBrulee');
    expect(exportNameOf('42 items')).toBe('State42Items');
    expect(exportNameOf('Большая сделка')).toMatch(/^State[0-9a-f]{8}$/);
    expect(exportNameOf('Большая сделка')).toBe(exportNameOf('Большая сделка'));
    expect(exportNameOf('Большая сделка')).not.toBe(exportNameOf('Малая сделка'));
    const dir = folder({ [STATES_FILE]: JSON.stringify({ states: [{ name: 'Big order' }, { name: 'Big-order' }, { name: 'All-states' }] }) });
    const exports = folderStates(dir, false).states.map((s) => s.exportName.toLowerCase());
    expect(new Set(exports).size).toBe(exports.length);
    expect(exports).not.toContain('allstates');
  });

  it("are stories of the generated file, with All states; the workbench's fixture folders get Default only", () => {
    const dir = folder({
      'manifest.json': JSON.stringify({
        widget: { name: 'n', description: 'd', short_description: 's', version: '1.0.0', interface_version: 2, locale: ['en'], installation: true },
        locations: ['personal_page'],
      }),
      'personal_page.js': 'define([], function () { return { initLead() {}, registerWidgetsBarSlot() {} }; });',
      [STATES_FILE]: JSON.stringify({ states: [{ name: 'Won deal', deal: { status: '142' } }] }),
    });
    const [entry] = identifyWidgets([readWidgetFolder(dir, undefined, 'widgets/w')]);
    const source = widgetStorySource(entry!, './widgetFolderStory');
    expect(source).toMatch(/export const Default: StoryObj = \{ name: "Default", \.\.\.widgetStateStory/);
    expect(source).toMatch(/export const WonDeal: StoryObj = \{ name: "Won deal", tags: \["widget-state"\]/);
    expect(source).toContain(`"id":"${entry!.identity.id}--won-deal"`);
    expect(source).toMatch(/export const AllStates: StoryObj = \{ name: "All states", tags: \["!test", "no-visual"\]/);
    const fixture = widgetStorySource(entry!, './widgetFolderStory', undefined, { expectProblems: true });
    expect(fixture.match(/^export const /gm)).toHaveLength(1);
  });

  it('leaves workbench.states.json out of the upload archive', () => {
    const dir = folder({ 'personal_page.js': '', [STATES_FILE]: '{}' });
    const { files, leftOut } = shippedFiles(dir);
    expect(files.map((f) => f.relative)).not.toContain(STATES_FILE);
    expect(leftOut).toContainEqual({ relative: STATES_FILE, reason: "the workbench's states: for stories only", severity: 'note' });
  });
});
