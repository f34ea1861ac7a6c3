import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { cabinetOf } from '../src/preview/cabinetOf';
import { rerenderStory } from '../src/preview/rerenderStory';
import { renderStoryCabinet } from '../src/preview/storyMounts';
import { fixtureWidget } from './fixtureWidgets';

/**
 * Host state from the toolbar and the controls, live: change the language, the date format or the
 * deal's status and the widget hears it through `subscribe`, without a new `initLead`.
 */
const meta = {
  title: 'Workbench/Live state',
  parameters: { workbench: { widgets: [fixtureWidget('state-watcher')] } },
} satisfies Meta;
export default meta;

const field = (root: HTMLElement, name: string) => root.querySelector(`[data-field="${name}"]`)?.textContent;

export const FromControlsAndToolbar: StoryObj = {
  play: async (context) => {
    const { canvasElement, step } = context;
    const cabinet = await cabinetOf(canvasElement);
    const slot = canvasElement.querySelector('.js-widgets-bar-item-container');
    await expect(field(canvasElement, 'lang')).toBe('lang: ru');
    // The fixed workbench clock: 2026-03-16 09:41 UTC.
    await expect(field(canvasElement, 'date')).toBe('date: 16.03.2026');

    await step('a toolbar global reaches the widget through subscribe, only where it changes something', async () => {
      const root = await rerenderStory(context, { globals: { dateFormat: 'americanInversed', timeFormat: 'twelve' } });
      // The same root, the problem strip above the same cabinet element: nothing was mounted again.
      await expect(root.lastElementChild).toBe(cabinet.element);
      await expect(field(canvasElement, 'date')).toBe('date: 03/16/2026');
      await expect(field(canvasElement, 'time')).toMatch(/^time: 9:4\d AM$/);
      await expect(field(canvasElement, 'sys callbacks')).toBe('sys callbacks: 1');
      await expect(field(canvasElement, 'lead callbacks')).toBe('lead callbacks: 0');
      await expect(field(canvasElement, 'leadFields callbacks')).toBe('leadFields callbacks: 0');
    });

    await step('a language change localizes sys, the lead (status names) and the fields', async () => {
      await rerenderStory(context, { globals: { lang: 'es' } });
      await expect(field(canvasElement, 'lang')).toBe('lang: es');
      await expect(field(canvasElement, 'status')).toBe('status: Toma de decisión');
      await expect(field(canvasElement, 'sys callbacks')).toBe('sys callbacks: 2');
      await expect(field(canvasElement, 'lead callbacks')).toBe('lead callbacks: 1');
      await expect(field(canvasElement, 'leadFields callbacks')).toBe('leadFields callbacks: 1');
      await expect(within(canvasElement).getByText('Mis negocios')).toBeVisible();
    });

    await step('an arg overrides the toolbar, and deal args reach lead subscribers only', async () => {
      await rerenderStory(context, { args: { lang: 'pt' } });
      await expect(field(canvasElement, 'lang')).toBe('lang: pt');
      await expect(field(canvasElement, 'sys callbacks')).toBe('sys callbacks: 3');
      await rerenderStory(context, { args: { status: '142004', hasCompany: false } });
      await expect(field(canvasElement, 'status')).toBe('status: Revisão do contrato');
      await expect(field(canvasElement, 'company')).toBe('company: none');
      await expect(field(canvasElement, 'sys callbacks')).toBe('sys callbacks: 3');
      await expect(field(canvasElement, 'lead callbacks')).toBe('lead callbacks: 3');
      await expect(canvasElement.querySelector('.amo-cabinet__status')).toHaveTextContent('Revisão do contrato');
      await expect(canvasElement.querySelector('.amo-cabinet__company')).toBeNull();
    });

    await step('no remount: one initLead, the same slot element', async () => {
      await expect(field(canvasElement, 'initLead calls')).toBe('initLead calls: 1');
      await expect(canvasElement.querySelector('.js-widgets-bar-item-container')).toBe(slot);
      await expect(cabinet.log.calls('state-watcher')).toEqual(['load', 'initLead', 'registerWidgetsBarSlot']);
    });

    await step('only a change of the active deal runs the deal-switch lifecycle', async () => {
      const second = canvasElement.querySelectorAll<HTMLButtonElement>('button[data-lead-id]')[1]!;
      await userEvent.click(second);
      await waitFor(() => expect(field(canvasElement, 'lead')).toBe(`lead: ${second.dataset.leadId}`));
      await expect(field(canvasElement, 'initLead calls')).toBe('initLead calls: 2');
      await expect(cabinet.log.calls('state-watcher')).toEqual([
        'load',
        'initLead',
        'registerWidgetsBarSlot',
        'slot cleanup',
        'initLead cleanup',
        'initLead',
        'registerWidgetsBarSlot',
      ]);
      await expect(canvasElement.querySelector('.amo-cabinet__deal-name')).toHaveTextContent(second.textContent!);
      // The status arg still applies to the active deal.
      await expect(field(canvasElement, 'status')).toBe('status: Revisão do contrato');
    });

    await step('an activeLeadId arg switches back', async () => {
      const first = canvasElement.querySelectorAll<HTMLButtonElement>('button[data-lead-id]')[0]!;
      await rerenderStory(context, { args: { activeLeadId: first.dataset.leadId } });
      await expect(field(canvasElement, 'lead')).toBe(`lead: ${first.dataset.leadId}`);
      await expect(first).toHaveAttribute('aria-current', 'true');
      await expect(cabinet.state.subscriptionCount()).toBe(3);
    });
  },
};

/** A story can drop the cabinet chrome and show the widgets accordion alone. */
export const WithoutChrome: StoryObj = {
  parameters: { workbench: { chrome: false } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expect(canvasElement.querySelector('.amo-cabinet__header')).toBeNull();
    await expect(canvasElement.querySelector('button[data-lead-id]')).toBeNull();
    await expect(field(canvasElement, 'lang')).toBe('lang: ru');
  },
};

/** A story sets its own clock start. */
export const OwnClockStart: StoryObj = {
  parameters: { workbench: { clockStart: '2027-01-31T23:58:00Z' } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expect(field(canvasElement, 'date')).toBe('date: 31.01.2027');
  },
};

/**
 * A re-render of one story render (a control, a global) keeps its cabinet; a new render of the story
 * (Storybook re-imports the file after an edit of the widget) mounts a new one, and unmounts the
 * previous even when Storybook never tore that render down: with two overlapping renders it skips
 * the teardown, or runs it late, and the canvas must show the new widget, not an old or empty one.
 */
export const NewRenderOfTheStory: StoryObj = {
  tags: ['no-visual'],
  parameters: { chromatic: { disableSnapshot: true } },
  play: async (context) => {
    const { canvasElement } = context;
    const first = await cabinetOf(canvasElement);
    await expect((await rerenderStory(context, {})).lastElementChild).toBe(first.element);

    const next = renderStoryCabinet(context.args, { ...context, abortSignal: new AbortController().signal });
    canvasElement.replaceChildren(next);
    await expect(next).not.toBe(first.element);
    await waitFor(() => expect(first.mounted).toBe(false));
    const second = await cabinetOf(canvasElement);
    await expect(second).not.toBe(first);
    await expect(field(canvasElement, 'lang')).toBe('lang: ru');
  },
};
