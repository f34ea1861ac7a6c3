import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, within } from 'storybook/test';
import { withWorkbench } from '../src/preview/storyApi';
import { cabinetOf } from '../src/preview/cabinetOf';
import { helloWorld } from './fixtureWidgets';

/**
 * A hand-written story with a render of its own (notes for reviewers, a form that drives the
 * widget) gets the host through the exported decorator `withWorkbench`; a decorator of the user's
 * own, listed after it, wraps the lot, as Storybook's decorators always compose.
 */
const userFrame = (storyFn: () => unknown) => {
  const frame = document.createElement('div');
  frame.className = 'user-frame';
  frame.append(storyFn() as Node);
  return frame;
};

const meta = {
  title: 'Workbench/Own Render',
  parameters: { workbench: { widgets: [helloWorld] } },
  decorators: [withWorkbench, userFrame],
} satisfies Meta;
export default meta;

export const OwnMarkupAboveTheCabinet: StoryObj = {
  args: { audience: 'reviewers' },
  render: (args) => `<p class="own-notes">Notes for ${String(args.audience)}</p>`,
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const frame = canvasElement.querySelector('.user-frame')!;
    await expect(frame).not.toBeNull();
    // The story's own output, the cabinet below it, the user's decorator around both.
    await expect(within(frame as HTMLElement).getByText('Notes for reviewers')).toBeVisible();
    await expect(within(frame as HTMLElement).getByText('Hello world!')).toHaveClass('js-widgets-bar-item-container');
    await expect(frame.contains(cabinet.element)).toBe(true);
    await expect(cabinet.failures).toEqual([]);
  },
};

export const WithoutAnOwnRender: StoryObj = {
  play: async ({ canvasElement }) => {
    // The decorator steps aside: the workbench's render mounted the one cabinet.
    await cabinetOf(canvasElement);
    await expect(canvasElement.querySelectorAll('[data-testid="cabinet"]')).toHaveLength(1);
    await expect(within(canvasElement).getByText('Hello world!')).toBeVisible();
  },
};
