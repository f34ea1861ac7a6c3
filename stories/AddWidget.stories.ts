import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test';
import { cabinetOf } from '../src/preview/cabinetOf';
import { findCabinet } from '../src/host/cabinet/mountedCabinets';
import { renderStoryCabinet } from '../src/preview/storyMounts';
import { widgetFolderUrl } from '../src/preview/widgetFolderStory';
import { fixtureWidget } from './fixtureWidgets';

/**
 * `window.AMOCRM.developer.addWidget({ script, token })`, as in the real cabinet's console, in every
 * story. Here the `script` control points the cabinet at any URL: your own dev server, e.g.
 * `http://localhost:3000/personal_page.js`. Only that widget is shown afterwards; a deal switch
 * resets it and the story's widgets return.
 */
const added = new WeakMap<Element, string>();

const meta = {
  title: 'Workbench/Add widget by URL',
  parameters: { workbench: { widgets: [fixtureWidget('lifecycle-logger')] } },
  argTypes: {
    script: { control: 'text', description: 'URL of personal_page.js', table: { category: 'addWidget' } },
    token: { control: 'text', description: 'Passed to initLead as is (may be empty)', table: { category: 'addWidget' } },
  },
  args: { script: widgetFolderUrl('hello-world'), token: 'foo' },
  render: (args, context) => {
    const root = renderStoryCabinet(args, context);
    const key = `${args.script}\n${args.token}`;
    if (args.script && added.get(root) !== key) {
      added.set(root, key);
      // After the cabinet has mounted its own widgets, as the console call would come.
      queueMicrotask(() => window.AMOCRM!.developer!.addWidget({ script: String(args.script), token: String(args.token ?? '') }));
    }
    return root;
  },
} satisfies Meta;
export default meta;

export const FromUrl: StoryObj = {
  beforeEach: () => {
    const warn = spyOn(console, 'warn');
    return () => warn.mockRestore();
  },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('only the added widget is shown, with the token as given', async () => {
      // Added after the story's own widget, and hello-world loads jQuery: over a second on a busy machine.
      await waitFor(() => expect(canvas.getByText('Hello world!')).toBeVisible(), { timeout: 5000 });
      await expect(canvasElement.querySelector('[data-widget="lifecycle-logger"]')).toBeNull();
      await expect(console.warn).toHaveBeenCalledWith('WIDGET: initLead with token: ', 'foo');
      const cabinet = findCabinet(canvasElement)!;
      await expect(cabinet.log.calls('lifecycle-logger')).toEqual(['load', 'initLead', 'registerWidgetsBarSlot', 'slot cleanup', 'initLead cleanup']);
    });
    await step('a deal switch resets it: the story widgets return', async () => {
      await userEvent.click(canvasElement.querySelectorAll('button[data-lead-id]')[1]!);
      await waitFor(() => expect(canvasElement.querySelector('[data-widget="lifecycle-logger"] [data-field="initLead calls"]')).toHaveTextContent('2'));
      await expect(canvas.queryByText('Hello world!')).toBeNull();
      await expect(console.warn).toHaveBeenCalledWith('WIDGET: registerWidgetsBarSlot destroyed');
      await expect(console.warn).toHaveBeenCalledWith('WIDGET: initLead destroyed');
    });
  },
};

/** An empty token is allowed ("when only the front end is tested"). */
export const EmptyToken: StoryObj = {
  args: { token: '' },
  beforeEach: () => {
    const warn = spyOn(console, 'warn');
    return () => warn.mockRestore();
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText('Hello world!')).toBeVisible(), { timeout: 5000 });
    await expect(console.warn).toHaveBeenCalledWith('WIDGET: initLead with token: ', '');
  },
};

/** Bad arguments are refused where the developer typed them, with what was expected. */
export const BadArguments: StoryObj = {
  args: { script: '' },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const addWidget = window.AMOCRM!.developer!.addWidget;
    await expect(() => addWidget({ script: '' })).toThrow('AMOCRM.developer.addWidget: "script" must be the URL of personal_page.js, got "".');
    await expect(() => addWidget({ script: 'x.js', token: 5 as never })).toThrow(/"token" must be a string/);
  },
};
