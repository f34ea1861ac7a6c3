import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, waitFor, within } from 'storybook/test';
import { mountedCabinets } from '../src/host/cabinet/mountedCabinets';
import { PHASES } from '../src/host/lifecycle/phases';
import { cabinetOf } from '../src/preview/cabinetOf';
import { renderLocaleMatrix, type MatrixArgs } from '../src/preview/localeMatrix';
import { fixtureWidget } from './fixtureWidgets';

/**
 * A widget made of web components (its module defines a custom element as it runs, as Lit, Shoelace
 * or Stencil components do) in several cabinets of one page. amoCRM runs a widget's module once per
 * page; the workbench once per cabinet (every story render, live reload, locale-matrix cell), and
 * the page's registry keeps a name once defined: each cabinet still shows the element. Another
 * widget defining the same name fails, as it would on amoCRM's shared page.
 */
const meta = {
  title: 'Workbench/Custom elements',
  // Behaviour, checked by the play functions; nothing here to compare as a picture.
  tags: ['no-visual'],
} satisfies Meta;
export default meta;

export const InEveryCabinet: StoryObj = {
  parameters: { workbench: { widgets: [fixtureWidget('custom-element'), fixtureWidget('custom-element-per-slot')] }, layout: 'fullscreen' },
  args: { langs: ['ru', 'en', 'es'], dateFormats: ['russianNormal'], timeFormats: ['twentyFour'] },
  render: (args, context) => renderLocaleMatrix(args as MatrixArgs, context),
  play: async ({ canvasElement }) => {
    await Promise.all(mountedCabinets().map((cabinet) => cabinet.ready));
    // Two a cell: one from createElement, one made with `new DealBadge()`.
    await waitFor(() => expect(canvasElement.querySelectorAll('wb-fixture-deal-badge')).toHaveLength(6));
    // Each cell's element is its own evaluation's, with its cabinet's SDK (the cell's language).
    for (const cell of canvasElement.querySelectorAll<HTMLElement>('.wb-matrix__cell')) {
      const [created, constructed] = cell.querySelectorAll('wb-fixture-deal-badge');
      await expect(created).toHaveTextContent(new RegExp(`^Deal badge \\d+ in ${cell.dataset.lang}$`));
      await expect(constructed).toHaveTextContent(`Deal badge made-with-new in ${cell.dataset.lang}`);
      // Defined only while `get` found none: each cell's evaluation still gets its own class.
      await expect(cell.querySelector('wb-fixture-lang-note')).toHaveTextContent(`Note in ${cell.dataset.lang}`);
    }
    // Defined at its slot's first render in each cabinet: every cabinet's first render works.
    await expect(canvasElement.querySelectorAll('wb-fixture-slot-badge')).toHaveLength(3);
    await expect(canvasElement.querySelectorAll('[role="alert"]')).toHaveLength(0);
  },
};

export const NameTakenByAnotherWidget: StoryObj = {
  parameters: {
    workbench: { widgets: [fixtureWidget('custom-element'), fixtureWidget('custom-element-clash')], expectFailures: [PHASES.factory] },
  },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const clash = canvasElement.querySelector<HTMLElement>('[data-widget="custom-element-clash"]')!;
    const alert = await within(clash).findByRole('alert');
    await expect(alert).toHaveAttribute('data-phase', PHASES.factory);
    await expect(alert.querySelector('.amo-widget__error-cause')).toHaveTextContent(/the name "wb-fixture-deal-badge" has already been used/);
    await expect(alert.querySelector('.amo-widget__error-hint')).toHaveTextContent(/Another widget or the page already defined <wb-fixture-deal-badge>/);
    await expect(within(canvasElement).getByText(/^Deal badge \d+ in ru$/)).toBeVisible();
  },
};

export const DefinedAgainOnADealSwitch: StoryObj = {
  parameters: { workbench: { widgets: [fixtureWidget('custom-element-per-slot')], expectFailures: [PHASES.registerWidgetsBarSlot] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await expect(within(canvasElement).getByText('Slot badge')).toBeVisible();
    const other = canvasElement.querySelector<HTMLButtonElement>('button[data-lead-id]:not([aria-current="true"])')!;
    await cabinet.switchDeal(other.dataset.leadId!);
    const panel = canvasElement.querySelector<HTMLElement>('[data-widget="custom-element-per-slot"]')!;
    const alert = await within(panel).findByRole('alert');
    await expect(alert).toHaveAttribute('data-phase', PHASES.registerWidgetsBarSlot);
    await expect(alert.querySelector('.amo-widget__error-cause')).toHaveTextContent(/the name "wb-fixture-slot-badge" has already been used/);
    await expect(alert.querySelector('.amo-widget__error-hint')).toHaveTextContent(/by this module at an earlier registerWidgetsBarSlot/);
  },
};
