import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, waitFor } from 'storybook/test';
import { mountedCabinets } from '../src/host/cabinet/mountedCabinets';
import { ALL_DATE_FORMATS, ALL_LANGS, ALL_TIME_FORMATS, renderLocaleMatrix, type MatrixArgs } from '../src/preview/localeMatrix';
import { repoWidgetParameters } from '../src/preview/repoWidgetStory';

/**
 * The showcase widget in 4 languages x 4 date formats x 2 time formats (32 cells), or the subset
 * chosen in the controls, each cell labelled: one page for design review.
 */
const meta = {
  title: 'Showcase/Locale matrix',
  parameters: { ...repoWidgetParameters('showcase'), layout: 'fullscreen' },
  argTypes: {
    langs: { control: 'check', options: ALL_LANGS, table: { category: 'Matrix' } },
    dateFormats: { control: 'check', options: ALL_DATE_FORMATS, table: { category: 'Matrix' } },
    timeFormats: { control: 'check', options: ALL_TIME_FORMATS, table: { category: 'Matrix' } },
  },
  render: (args, context) => renderLocaleMatrix(args as MatrixArgs, context),
} satisfies Meta;
export default meta;

export const Full: StoryObj = {
  // 32 cabinets on one page: reviewed in Storybook and Chromatic, too tall for the offline baselines.
  tags: ['no-visual'],
  args: { langs: ALL_LANGS, dateFormats: ALL_DATE_FORMATS, timeFormats: ALL_TIME_FORMATS },
  play: async ({ canvasElement }) => {
    const cells = canvasElement.querySelectorAll<HTMLElement>('.wb-matrix__cell');
    await expect(cells).toHaveLength(32);
    await Promise.all(mountedCabinets().map((c) => c.ready));
    const cell = (lang: string, date: string, time: string) =>
      canvasElement.querySelector<HTMLElement>(`[data-lang="${lang}"][data-date-format="${date}"][data-time-format="${time}"]`)!;
    await expect(cell('pt', 'chineseNormal', 'twelve').querySelector('figcaption')).toHaveTextContent('pt · yyyy/mm/dd · h:MM TT');
    await waitFor(() => expect(cell('pt', 'chineseNormal', 'twelve').querySelector('[data-type="date"]')).toHaveTextContent('2026/04/02'), { timeout: 10_000 });
    await waitFor(() => expect(cell('ru', 'americanNormal', 'twentyFour').querySelector('[data-type="dateTime"]')).toHaveTextContent('18/03/2026 11:30'));
    await waitFor(() => expect(cell('en', 'russianNormal', 'twelve').querySelector('[data-type="dateTime"]')).toHaveTextContent('18.03.2026 11:30 AM'));
    await waitFor(() => expect(cell('es', 'americanInversed', 'twentyFour').querySelector('.sc p')).toHaveTextContent('Estado:'));
  },
};

/** A chosen subset: the languages alone, in the account's usual formats. */
export const LanguagesOnly: StoryObj = {
  args: { langs: ALL_LANGS, dateFormats: ['russianNormal'], timeFormats: ['twentyFour'] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.wb-matrix__cell')).toHaveLength(4);
  },
};
