import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { h } from '../src/host/cabinet/dom';
import { cabinetOf } from '../src/preview/cabinetOf';
import { lifecycleLogPanel } from '../src/preview/lifecycleLogPanel';
import { renderStoryCabinet } from '../src/preview/storyMounts';
import { fixtureWidget } from './fixtureWidgets';

/**
 * The host lifecycle as it happens: the log beside the cabinet lists every call the host makes.
 * Click another deal to watch the deal-switch order: slot cleanup, initLead cleanup, initLead with
 * a new token, registerWidgetsBarSlot on a fresh element.
 */
const meta = {
  title: 'Workbench/Lifecycle',
  parameters: {
    workbench: { widgets: [fixtureWidget('lifecycle-logger'), fixtureWidget('async-init-lead')], doctor: ['async-init-lead'] },
  },
  render: (args, context) =>
    renderStoryCabinet(args, context, (cabinet) => h('div', { class: 'wb-with-log' }, cabinet.element, lifecycleLogPanel(cabinet.log))),
} satisfies Meta;
export default meta;

const field = (root: HTMLElement, name: string) => root.querySelector(`[data-widget="lifecycle-logger"] [data-field="${name}"]`)?.textContent;

export const DealSwitch: StoryObj = {
  play: async ({ canvasElement, step }) => {
    const cabinet = await cabinetOf(canvasElement);
    const canvas = within(canvasElement);
    const [first, second] = [...canvasElement.querySelectorAll<HTMLButtonElement>('button[data-lead-id]')];
    const firstSlot = canvasElement.querySelector('[data-widget="lifecycle-logger"] .js-widgets-bar-item-container');

    await step('mount: initLead, then registerWidgetsBarSlot', async () => {
      await expect(field(canvasElement, 'lead')).toBe(first!.dataset.leadId);
      await expect(cabinet.log.calls('lifecycle-logger')).toEqual(['load', 'initLead', 'registerWidgetsBarSlot']);
      await expect(canvas.getByText(`Loaded deal ${first!.dataset.leadId}`)).toBeVisible();
      await expect(canvas.getByRole('list', { name: 'lifecycle log' })).toHaveTextContent('initLead returned a Promise');
    });

    await step('switch deal: cleanups in order, same module, new token, fresh slot', async () => {
      const slotCleanups = (window as { __lifecycleLoggerSlotCleanups?: number }).__lifecycleLoggerSlotCleanups ?? 0;
      const firstJti = field(canvasElement, 'token jti');
      const evaluations = field(canvasElement, 'module evaluations');
      await userEvent.click(second!);
      await waitFor(() => expect(field(canvasElement, 'lead')).toBe(second!.dataset.leadId));
      await expect(second).toHaveAttribute('aria-current', 'true');
      await expect(cabinet.log.calls('lifecycle-logger')).toEqual([
        'load',
        'initLead',
        'registerWidgetsBarSlot',
        'slot cleanup',
        'initLead cleanup',
        'initLead',
        'registerWidgetsBarSlot',
      ]);
      await expect(field(canvasElement, 'module evaluations')).toBe(evaluations);
      await expect(field(canvasElement, 'initLead calls')).toBe('2');
      await expect(field(canvasElement, 'router leadId')).toBe(second!.dataset.leadId);
      await expect(field(canvasElement, 'token jti')).not.toBe(firstJti);
      await expect((window as { __lifecycleLoggerSlotCleanups?: number }).__lifecycleLoggerSlotCleanups).toBe(slotCleanups + 1);
      const secondSlot = canvasElement.querySelector('[data-widget="lifecycle-logger"] .js-widgets-bar-item-container');
      await expect(secondSlot).not.toBe(firstSlot);
      await expect(firstSlot?.isConnected).toBe(false);
      await expect(cabinet.tokens).toHaveLength(4);
      await expect(cabinet.state.subscriptionCount('lead')).toBe(1);
    });
  },
};
