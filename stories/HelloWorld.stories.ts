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
