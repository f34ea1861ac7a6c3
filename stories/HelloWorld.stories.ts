import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, spyOn, waitFor, within } from 'storybook/test';
import { cabinetOf } from '../src/preview/cabinetOf';
import { repoWidgetParameters } from '../src/preview/repoWidgetStory';

/** The seed widget of the documentation, with what it logs checked. */
const meta = {
  title: 'Workbench/Hello world',
  parameters: repoWidgetParameters('hello-world'),
} satisfies Meta;
export default meta;

export const SaysHello: StoryObj = {
  beforeEach: () => {
    const warn = spyOn(console, 'warn');
    return () => warn.mockRestore();
  },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const slot = within(canvasElement).getByText('Hello world!');
    await expect(slot).toHaveClass('js-widgets-bar-item-container');
    // The widget formats Date.now() with the host's dateformat and sys.timeFormat ('HH:MM').
    await waitFor(() => expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/^WIDGET registerWidgetsBarSlot inited at 09:41$/)));
    await expect(console.warn).toHaveBeenCalledWith('WIDGET: initLead with token: ', cabinet.tokens[0]);
    await expect(cabinet.amd.loadedHostModules).toEqual(['amocrm-sdk', 'jquery', 'dateformat']);
  },
};

/**
 * The chrome never animates (identical renders); the widget's own transitions run, as in amoCRM: a
 * library waiting for `transitionend` (antd's rc-motion) would otherwise wait out its deadline.
 */
export const WidgetTransitionsRun: StoryObj = {
  tags: ['no-visual'],
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const slot = within(canvasElement).getByText('Hello world!');
    const fading = document.createElement('div');
    fading.style.cssText = 'opacity: 1; transition: opacity 30ms linear';
    slot.append(fading);
    const ended = new Promise<string>((resolve) => fading.addEventListener('transitionend', (event) => resolve(event.propertyName)));
    fading.getBoundingClientRect();
    fading.style.opacity = '0';
    await expect(await ended).toBe('opacity');
    fading.remove();
    const chrome = canvasElement.querySelector<HTMLElement>('.amo-cabinet__title')!;
    chrome.style.transition = 'opacity 30ms linear';
    await expect(getComputedStyle(chrome).transitionDuration).toBe('0s');
  },
};
