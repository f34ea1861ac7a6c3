import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, waitFor } from 'storybook/test';
import { cabinetOf } from '../src/preview/cabinetOf';
import { rerenderStory } from '../src/preview/rerenderStory';
import { repoWidgetParameters } from '../src/preview/repoWidgetStory';
import { FIELD_TYPES, type FieldType } from '../src/common/constants';
import { localeModes } from '../src/common/localeModes';

/**
 * The showcase widget (widgets/showcase, React through requirejs) in the cabinet: every one of the
 * 16 field types, in the chrome and in the widget, in each language.
 */
const meta = {
  title: 'Showcase/Every field type',
  parameters: repoWidgetParameters('showcase'),
} satisfies Meta;
export default meta;

type Expected = Record<FieldType, string>;

const RU: Expected = {
  text: 'NW-2026/0314',
  numeric: '12',
  checkbox: 'Да',
  date: '02.04.2026',
  select: 'Расширенный',
  multiselect: 'Чаты, Телефония',
  url: 'https://north-wind.example',
  textarea: 'Установка в двух офисах. Связаться после 14:00.',
  radiobutton: 'Безналичный расчёт',
  streetaddress: 'Москва, ул. Ветряная, 12',
  smartAddress: 'ул. Ветряная, 12, офис 4, Москва, Москва, 101000, RU',
  legalEntity: 'ООО «Северный ветер»',
  birthday: '21.07.1988',
  dateTime: '18.03.2026 11:30',
  multitext: '+7 912 345-67-89 (мобильный), +7 495 123-45-67 (рабочий)',
  budget: '184 500 ₽',
};
const EN: Expected = {
  text: 'NW-2026/0314',
  numeric: '12',
  checkbox: 'Yes',
  date: '04/02/2026',
  select: 'Advanced',
  multiselect: 'Chats, Telephony',
  url: 'https://north-wind.example',
  textarea: 'Install in both offices. Call after 2 pm.',
  radiobutton: 'Bank transfer',
  streetaddress: '12 Wind Street, Boston',
  smartAddress: '12 Wind Street, Suite 4, Boston, MA, 101000, US',
  legalEntity: 'North Wind LLC',
  birthday: '07/21/1988',
  dateTime: '03/18/2026 11:30 AM',
  multitext: '+7 912 345-67-89 (mobile), +7 495 123-45-67 (work)',
  budget: '184,500 $',
};

const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function expectEveryType(canvasElement: HTMLElement, expected: Expected) {
  const widget = canvasElement.querySelector<HTMLElement>('[data-widget="showcase"] .js-widgets-bar-item-container')!;
  await waitFor(() => expect(widget.querySelector('[data-type="text"]')).not.toBeNull(), { timeout: 5000 });
  for (const type of Object.values(FIELD_TYPES)) {
    const inWidget = norm(widget.querySelector(`[data-type="${type}"]`)?.textContent);
    const inChrome = norm(
      type === 'budget'
        ? canvasElement.querySelector('.amo-cabinet__budget b')?.textContent
        : canvasElement.querySelector(`.amo-cabinet__sidebar [data-field-type="${type}"]`)?.textContent,
    );
    const want = norm(expected[type]);
    // Company details: the widget shows name and VAT id, the chrome more; both start with the name.
    if (type === 'legalEntity') {
      await expect({ type, inWidget: inWidget.startsWith(want), inChrome: inChrome.startsWith(want) }).toEqual({ type, inWidget: true, inChrome: true });
    } else {
      await expect({ type, inWidget, inChrome }).toEqual({ type, inWidget: want, inChrome: want });
    }
  }
}

export const Russian: StoryObj = {
  tags: ['locale-modes'],
  parameters: { chromatic: localeModes.chromatic },
  play: async ({ canvasElement, globals }) => {
    await cabinetOf(canvasElement);
    // Captured in every language (locale-modes); the values are checked in Russian, the story's own
    // (English has its own story, with its own formats).
    if ((globals.lang ?? 'ru') !== 'ru') return;
    await expectEveryType(canvasElement, RU);
  },
};

export const English: StoryObj = {
  globals: { lang: 'en', dateFormat: 'americanInversed', timeFormat: 'twelve' },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expectEveryType(canvasElement, EN);
  },
};

/** Each language shows its own words: the chrome's, the widget's title from its i18n, and the widget's own. */
export const EachLanguageItsOwnWords: StoryObj = {
  play: async (context) => {
    const { canvasElement } = context;
    await cabinetOf(canvasElement);
    const words = {
      ru: ['Мои сделки', 'Витрина сделки', 'Статус', 'Удалить мои персональные данные'],
      en: ['My deals', 'Deal showcase', 'Status', 'Delete my personal data'],
      es: ['Mis negocios', 'Escaparate del negocio', 'Estado', 'Eliminar mis datos personales'],
      pt: ['Meus negócios', 'Vitrine do negócio', 'Status', 'Excluir meus dados pessoais'],
    } as const;
    for (const [lang, [deals, title, status, removal]] of Object.entries(words)) {
      await rerenderStory(context, { globals: { lang } });
      await expect(canvasElement.querySelector('.amo-cabinet__deals h2')).toHaveTextContent(deals);
      await expect(canvasElement.querySelector('[data-widget="showcase"] .amo-widget__name')).toHaveTextContent(title);
      await expect(canvasElement.querySelector('.amo-cabinet__remove-data')).toHaveTextContent(removal);
      await waitFor(() => expect(canvasElement.querySelector('.sc')).toHaveAttribute('lang', lang));
      await waitFor(() => expect(canvasElement.querySelector('.sc p')).toHaveTextContent(`${status}:`));
    }
  },
};

/** A deal that is not loaded yet: the chrome and the widget both say so. */
export const DealNotLoaded: StoryObj = {
  args: { activeLeadId: '20471003' },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expect(canvasElement.querySelector('.amo-cabinet__loading')).toHaveTextContent('Загружаем данные сделки…');
    await waitFor(() => expect(canvasElement.querySelector('.sc-loading')).toHaveTextContent('Сделка загружается…'));
  },
};
