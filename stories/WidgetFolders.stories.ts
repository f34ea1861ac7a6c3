import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, spyOn, within } from 'storybook/test';
import { cabinetOf } from '../src/preview/cabinetOf';
import { rerenderStory } from '../src/preview/rerenderStory';
import { widgetFolderParameters, type WidgetFolderInfo } from '../src/preview/widgetFolderStory';

/**
 * What a widget folder's story shows besides the widget: its i18n name and description in the
 * accordion (current language, else en, else ru), and the folder's problems above the cabinet.
 */
const meta = { title: 'Workbench/Widget folders' } satisfies Meta;
export default meta;

const folder = (over: Partial<WidgetFolderInfo>): WidgetFolderInfo => ({
  name: 'hello-world',
  place: 'widgets/hello-world',
  servedAt: '_workbench/widgets/hello-world',
  hasScript: true,
  scriptVersion: null,
  manifestName: 'widget.name',
  manifestDescription: 'widget.description',
  i18n: {
    en: { widget: { name: 'Hello world', description: 'Says hello.' } },
    ru: { widget: { name: 'Привет, мир', description: 'Здоровается.' } },
  },
  problems: [],
  ...over,
});

export const I18nTitles: StoryObj = {
  parameters: widgetFolderParameters(folder({})),
  beforeEach: () => {
    const warn = spyOn(console, 'warn');
    return () => warn.mockRestore();
  },
  play: async (context) => {
    const { canvasElement } = context;
    await cabinetOf(canvasElement);
    const summary = () => canvasElement.querySelector<HTMLElement>('[data-widget="hello-world"] summary')!;
    await expect(summary()).toHaveTextContent('Привет, мирЗдоровается.');
    await rerenderStory(context, { globals: { lang: 'en' } });
    await expect(summary()).toHaveTextContent('Hello worldSays hello.');
    await rerenderStory(context, { globals: { lang: 'es' } });
    await expect(summary()).toHaveTextContent('Hello world');
    await expect(summary().querySelector('[data-i18n-fallback]')).toHaveAttribute('data-i18n-fallback', 'en');
    await expect(console.warn).toHaveBeenCalledWith('[workbench] hello-world: no i18n/es.json, showing en.json instead.');
  },
};

export const FolderProblems: StoryObj = {
  parameters: widgetFolderParameters(
    folder({
      problems: [
        { code: 'bad-version', file: 'manifest.json', message: 'widget.version "v1" is not a version.', fix: 'Use a semantic version such as "1.0.0".' },
        { code: 'bom', file: 'i18n/en.json', message: 'i18n/en.json starts with a byte-order mark (BOM).', fix: 'Save the file as UTF-8 without BOM.' },
      ],
    }),
    undefined,
    { expectProblems: ['bad-version', 'bom'] },
  ),
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const panel = within(canvasElement).getByRole('alert', { name: 'widget problems' });
    // The cabinet's default language is ru: the strip's own words follow it, codes and messages do not.
    await expect(panel.querySelector('.wb-strip__count')).toHaveTextContent('2 проблемы виджета');
    const line = panel.querySelector('[data-problem="bad-version"]')!;
    await expect(line.querySelector('summary')).toHaveTextContent('bad-versionпапка · ожидается историейwidget.version "v1" is not a version.');
    await expect(line.querySelector('.wb-strip__detail')).toHaveTextContent(
      'widgethello-worldГдеmanifest.jsonmessagewidget.version "v1" is not a version.Что сделатьUse a semantic version such as "1.0.0".',
    );
    // The strip sits above the cabinet, and the widget still mounts.
    await expect(panel.nextElementSibling).toHaveAttribute('data-testid', 'cabinet');
    await expect(within(canvasElement).getByText('Hello world!')).toBeVisible();
  },
};
