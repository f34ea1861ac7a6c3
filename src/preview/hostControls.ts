/**
 * The controls and toolbar globals every story has (wired once in src/preview/preview.ts): every
 * SysModel field and the active deal. Unset args follow the toolbar (lang, formats) or the
 * fixture; a set arg overrides for that story.
 */
import type { ArgTypes, GlobalTypes } from 'storybook/internal/types';
import { DATE_FORMATS, SUPPORTED_LANGS, TIME_FORMATS } from '../common/constants';
import { allContacts } from '../host/cabinet/hostInputs';
import { defaultFixture, type CabinetFixture } from '../host/fixtures';

const LANG_TITLES = { ru: 'Русский', en: 'English', es: 'Español', pt: 'Português' } as const;

export const hostGlobalTypes: GlobalTypes = {
  lang: {
    description: 'SysModel.lang of every story',
    toolbar: {
      title: 'Language',
      icon: 'globe',
      dynamicTitle: true,
      items: Object.values(SUPPORTED_LANGS).map((value) => ({ value, title: LANG_TITLES[value] })),
    },
  },
  dateFormat: {
    description: 'SysModel.dateFormat (a DATE_FORMATS key)',
    toolbar: {
      title: 'Date format',
      icon: 'calendar',
      dynamicTitle: true,
      items: Object.entries(DATE_FORMATS).map(([value, mask]) => ({ value, title: `${mask} (${value})` })),
    },
  },
  timeFormat: {
    description: 'SysModel.timeFormat (a TIME_FORMATS key)',
    toolbar: {
      title: 'Time format',
      icon: 'time',
      dynamicTitle: true,
      items: Object.entries(TIME_FORMATS).map(([value, mask]) => ({ value, title: `${mask} (${value})` })),
    },
  },
  clock: {
    description: 'fixed: Date starts at the story clock start and advances; live: the real time',
    toolbar: {
      title: 'Clock',
      icon: 'timer',
      dynamicTitle: true,
      items: [
        { value: 'fixed', title: 'Fixed clock' },
        { value: 'live', title: 'Live clock' },
      ],
    },
  },
  storage: {
    description: 'fresh: each story render starts with empty localStorage, sessionStorage, cookies and IndexedDB; keep: they stay (testing persistence)',
    toolbar: {
      title: 'Storage',
      icon: 'database',
      dynamicTitle: true,
      items: [
        { value: 'fresh', title: 'Fresh storage' },
        { value: 'keep', title: 'Keep storage' },
      ],
    },
  },
};

export const hostInitialGlobals = { lang: 'ru', dateFormat: 'russianNormal', timeFormat: 'twentyFour', clock: 'fixed', storage: 'fresh' };

const sys = { table: { category: 'SysModel' } };
const deal = { table: { category: 'Deal' } };

export function hostArgTypes(fixture: CabinetFixture = defaultFixture): ArgTypes {
  const statuses = fixture.deals[0]!.lead.statuses;
  const staff = Object.values(fixture.authors).filter((a) => !a.isClient);
  const contacts = allContacts(fixture);
  return {
    lang: { ...sys, description: 'Overrides the toolbar language', control: 'select', options: Object.values(SUPPORTED_LANGS) },
    dateFormat: {
      ...sys,
      description: 'Overrides the toolbar date format',
      control: { type: 'select', labels: DATE_FORMATS },
      options: Object.keys(DATE_FORMATS),
    },
    timeFormat: {
      ...sys,
      description: 'Overrides the toolbar time format',
      control: { type: 'select', labels: TIME_FORMATS },
      options: Object.keys(TIME_FORMATS),
    },
    currencySymbol: { ...sys, control: 'text' },
    isRemovalAvailable: { ...sys, control: 'boolean' },
    logoUrl: { ...sys, control: 'text' },
    pageTitle: { ...sys, control: 'text' },
    activeLeadId: {
      ...deal,
      description: 'The active deal (a change runs the deal-switch lifecycle)',
      control: { type: 'select', labels: Object.fromEntries(fixture.deals.map((d) => [d.lead.id, d.name])) },
      options: fixture.deals.map((d) => d.lead.id),
    },
    status: {
      ...deal,
      description: 'Selected pipeline status',
      control: { type: 'select', labels: Object.fromEntries(statuses.map((s) => [s.id, s.name])) },
      options: statuses.map((s) => s.id),
    },
    managerId: { ...deal, control: { type: 'select', labels: Object.fromEntries(staff.map((a) => [a.id, a.name])) }, options: staff.map((a) => a.id) },
    contactIds: {
      ...deal,
      description: 'Contacts attached to the deal',
      control: { type: 'check', labels: Object.fromEntries(Object.keys(contacts).map((id) => [id, `#${id}`])) },
      options: Object.keys(contacts),
    },
    hasCompany: { ...deal, description: 'Company present or absent', control: 'boolean' },
    isLeadLoaded: { ...deal, control: 'boolean' },
    leadFields: { ...deal, description: 'LeadFieldsModel of the active deal', control: 'object' },
  };
}
