import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { cabinetOf } from '../src/preview/cabinetOf';
import { teardownStoryCabinets } from '../src/preview/storyMounts';
import { fixtureWidget } from './fixtureWidgets';

/**
 * Problems are shown beside the cabinet, never instead of it: a strip above the cabinet (count, one
 * line per problem with its code first, expandable), the Widget doctor panel and a sidebar status.
 * The cabinet stays usable: these stories click through it while problems are shown.
 */
const meta = { title: 'Problems', tags: ['locale-modes'] } satisfies Meta;
export default meta;
type Story = StoryObj;

const strip = (canvas: HTMLElement) => canvas.querySelector<HTMLElement>('.wb-strip')!;
const codes = (canvas: HTMLElement) => [...canvas.querySelectorAll<HTMLElement>('.wb-strip [data-problem]')].map((li) => li.dataset.problem).sort();

async function switchDeal(canvasElement: HTMLElement) {
  const cabinet = await cabinetOf(canvasElement);
  const before = cabinet.activeLeadId();
  const other = [...canvasElement.querySelectorAll<HTMLButtonElement>('button[data-lead-id]')].find((b) => b.dataset.leadId !== before)!;
  await userEvent.click(other);
  await cabinet.whenIdle();
  await expect(cabinet.activeLeadId()).toBe(other.dataset.leadId);
}

// One of each kind: a folder problem and a warning, a widget failure, a doctor finding and a request
// no handler answered, all declared by the story (so its test passes), all on the strip.
export const BesideTheCabinet: Story = {
  parameters: {
    workbench: {
      widgets: [fixtureWidget('doctor-unknown-entity'), fixtureWidget('init-lead-throws'), fixtureWidget('doctor-unmocked-request')],
      folderProblems: [
        { code: 'bad-version', file: 'manifest.json', message: 'widget.version "v1" is not a version.', fix: 'Use a semantic version such as "1.0.0".' },
        {
          code: 'duplicate-name',
          severity: 'warning',
          file: '.',
          message: "Another widget folder's name gives the same story id.",
          fix: 'Rename one of the folders.',
        },
      ],
      expectProblems: ['bad-version'],
      expectFailures: ['initLead'],
      doctor: ['unknown-entity', 'unmocked-request'],
    },
  },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await waitFor(() =>
      expect(codes(canvasElement)).toEqual(['bad-version', 'duplicate-name', 'initLead-failure', 'unknown-entity', 'unmocked-request', 'unmocked-request']),
    );
    await expect(strip(canvasElement).getAttribute('role')).toBe('alert');
    // Every line starts with its code; the strip sits above the cabinet, which keeps working.
    for (const line of canvasElement.querySelectorAll('.wb-strip summary')) await expect(line.firstElementChild).toHaveClass('wb-strip__code');
    await expect(strip(canvasElement).nextElementSibling).toHaveAttribute('data-testid', 'cabinet');
    await switchDeal(canvasElement);
    await expect(codes(canvasElement)).toContain('unknown-entity');
    // Expandable: the whole record, with the widget and the fix.
    const entry = canvasElement.querySelector<HTMLDetailsElement>('.wb-strip [data-problem="unknown-entity"] details')!;
    await userEvent.click(entry.querySelector('summary')!);
    await expect(entry.open).toBe(true);
    await expect(entry.querySelector('.wb-strip__detail')).toHaveTextContent(/doctor-unknown-entity/);
  },
};

// A finding that appears later (a leak found on a deal switch) shows at once.
export const FindingAppearsLive: Story = {
  parameters: { workbench: { widgets: [fixtureWidget('doctor-leaked-subscription')], doctor: ['leaked-subscription'] } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expect(strip(canvasElement).hidden).toBe(true);
    await switchDeal(canvasElement);
    await waitFor(() => expect(codes(canvasElement)).toEqual(['leaked-subscription']));
    await expect(strip(canvasElement).hidden).toBe(false);
  },
};

/** A stylesheet that lives with the widget: no finding across deal switches, still styling it; gone with the story. */
function styleLivesWithTheWidget(folder: string, styled: string, color: string, sheet: string): Story {
  return {
    parameters: { workbench: { widgets: [fixtureWidget(folder)] } },
    play: async ({ canvasElement }) => {
      const cabinet = await cabinetOf(canvasElement);
      await switchDeal(canvasElement);
      await switchDeal(canvasElement);
      await expect(cabinet.doctor.findings).toEqual([]);
      await expect(document.head.querySelectorAll(sheet)).toHaveLength(1);
      await expect(getComputedStyle(canvasElement.querySelector(styled)!).color).toBe(color);
      await teardownStoryCabinets();
      await expect(cabinet.doctor.findings).toEqual([]);
      await expect(document.head.querySelectorAll(sheet)).toHaveLength(0);
    },
  };
}
// A bundle's CSS, injected into <head> while its module is evaluated (style-loader), lives with the module.
// (Tags stay literal in each story: Storybook's indexer reads them from the source.)
export const ModuleStylesAreNoLeak: Story = {
  ...styleLivesWithTheWidget('module-styles', '.module-styles__label', 'rgb(0, 128, 0)', 'style[data-module-styles]'),
  tags: ['no-visual'],
};
// A CSS-in-JS library's <style>, added by the slot callback on the first render and reused after, is a cache.
export const StyleCacheIsNoLeak: Story = { ...styleLivesWithTheWidget('css-in-js', '.css-1x', 'rgb(0, 0, 128)', 'style[data-emotion]'), tags: ['no-visual'] };

// A bundle's chunk registry on window (webpack's webpackChunk<name>) goes with the cabinet: the
// widget's next load (a re-render, a live reload after a rebuild) starts from no chunks, as after a
// page load, instead of taking the old chunks' modules for its own.
export const BundlerChunksGoWithTheirLoad: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('bundler-chunks')] } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expect(canvasElement.querySelector('[data-widget="bundler-chunks"] .js-widgets-bar-item-container')).toHaveTextContent('fresh chunk registry');
    await teardownStoryCabinets();
    await expect('webpackChunkbundler_fixture' in window).toBe(false);
  },
};

// A <style> added on every initLead is a leak: the second identical copy is reported, once for the
// node and not again for its text. One added by a callback and kept (a CSS-in-JS cache) is none.
export const StyleLeakReportedOnce: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('module-styles')], doctor: ['stray-dom'] } },
  beforeEach: () => {
    (window as { __moduleStylesLeak?: boolean }).__moduleStylesLeak = true;
    return () => delete (window as { __moduleStylesLeak?: boolean }).__moduleStylesLeak;
  },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await switchDeal(canvasElement);
    await expect(cabinet.doctor.findings).toEqual([]);
    await switchDeal(canvasElement);
    await expect(cabinet.doctor.findings.map((f) => f.message)).toEqual([
      'module-styles added <style#module-styles-leak> to <head> again while the one it added before is still there (on a deal switch): it grows with every deal; add it once, or remove it in a cleanup.',
    ]);
    await teardownStoryCabinets();
    await expect(document.head.querySelectorAll('#module-styles-leak')).toHaveLength(0);
  },
};

// Content far wider than the widgets column scrolls inside its slot; the page never grows past the viewport.
export const WideContentStaysInItsColumn: Story = {
  parameters: { workbench: { widgets: [fixtureWidget('wide-content')] } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const slot = canvasElement.querySelector<HTMLElement>('[data-widget="wide-content"] .amo-widget__slot-host')!;
    await waitFor(() => expect(slot.textContent!.length).toBeGreaterThan(2_000));
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    await expect(slot.getBoundingClientRect().width).toBeLessThan(400);
    await expect(slot.scrollWidth).toBeGreaterThan(slot.clientWidth);
  },
};
