import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, waitFor, within } from 'storybook/test';
import { folderParameters, type WorkbenchParameters } from '../src/preview/storyApi';
import { cabinetOf } from '../src/preview/cabinetOf';

/**
 * Hand-written stories of a widget folder, as a developer with a Storybook of their own writes
 * them: `folderParameters(name)` gives the folder's widget, titles and mocks/handlers (what its
 * generated stories have), and a story's own `parameters.workbench` goes on top.
 */
const meta = {
  title: 'Workbench/Folder Parameters',
  parameters: folderParameters('deal-documents'),
} satisfies Meta;
export default meta;

export const TheFolderWithItsMocks: StoryObj = {
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    // The folder's own handlers answer: the documents list, not an unhandled request.
    await waitFor(() => expect(canvasElement.querySelector('.js-widgets-bar-item-container')?.textContent).toContain('Договор'), { timeout: 5000 });
    await expect(cabinet.failures).toEqual([]);
  },
};

export const AStoryParameterOnTop: StoryObj = {
  parameters: { workbench: { backend: { scenario: 'empty' } } satisfies WorkbenchParameters },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expect(await within(canvasElement).findByText('По этой сделке документов пока нет.')).toBeVisible();
  },
};

export const AFolderNobodyHas: StoryObj = {
  parameters: { ...folderParameters('deal-documnets'), workbench: { ...folderParameters('deal-documnets').workbench, expectProblems: ['unknown-folder'] } },
  play: async ({ canvasElement }) => {
    const [problem] = await within(canvasElement).findAllByText(/folderParameters\("deal-documnets"\): no widget folder of that name/);
    await expect(problem!.textContent).toContain('"deal-documents"');
  },
};
