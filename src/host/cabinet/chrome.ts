/**
 * The cabinet's chrome around the widget slots (spec: "The cabinet's layout"): a header with the
 * logo and page title; a sidebar with the active deal (status pill, budget, manager), its details,
 * contacts and company, the client's deals and the widgets accordion; the main area with the
 * conversation (messages, documents, call recordings) and the personal-data removal action. The
 * widget part is built once and kept, so a deal switch never moves a widget's DOM; the rest is
 * re-rendered from the view. Every text goes through textContent: data is never markup.
 */
import type { ConversationItem } from '../fixtures/cabinetFixture';
import type { WidgetFailure } from '../lifecycle/widgetFailure';
import { GLOBAL_CLASS_NAMES, LEAD_FIELD_SOURCES } from '../../common/constants';
import type { AuthorsModel, DeepReadonly, LeadFieldsModel, LeadModel, SysModel } from '../sdk/models';
import type { WidgetSource } from './createCabinet';
import { h } from './dom';
import { formatDateTime, formatField } from './formatField';
import { formatMoney } from './formatMoney';
import { labelsFor, type ChromeLabels } from './labels';
import { widgetTitle } from './widgetTitle';
import callIcon from './assets/call.svg';
import documentIcon from './assets/document.svg';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import './cabinet.css';

// The cabinet's fonts start downloading as this module loads, while the page is still busy with
// Storybook, rather than once the first cabinet lays out its text: that layout then finds them
// ready instead of laying out again when they arrive (the faces the cabinet's text needs: Latin and
// Cyrillic in both weights, and the rouble sign of the budget in 600).
if (typeof document !== 'undefined' && 'fonts' in document) {
  for (const font of ['400 1em Inter', '600 1em Inter']) void document.fonts.load(font, font.startsWith('600') ? 'AaЯя₽' : 'AaЯя').catch(() => undefined);
}

/** What the chrome shows: the host state (as widgets see it) plus what only the chrome needs. */
export interface ChromeView {
  sys: DeepReadonly<SysModel>;
  lead: DeepReadonly<LeadModel>;
  fields: DeepReadonly<LeadFieldsModel>;
  authors: DeepReadonly<AuthorsModel>;
  /** The client's deals in list order. */
  deals: readonly { id: string; name: string }[];
  contactNames: Readonly<Record<string, string>>;
  conversation: readonly ConversationItem[];
}

export interface WidgetPanel {
  slotHost: HTMLElement;
  showFailure(failure: WidgetFailure): void;
  /** Takes the panel out of the accordion; `restore` puts it back where it was. */
  remove(): void;
  restore(): void;
}

export interface Chrome {
  root: HTMLElement;
  addWidget(source: WidgetSource): WidgetPanel;
  render(view: ChromeView): void;
}

export interface ChromeOptions {
  onSelectDeal(leadId: string): void;
  /** false: only the widgets accordion, without header, sidebar cards and main area. */
  chrome?: boolean;
}

export function createChrome({ onSelectDeal, chrome = true }: ChromeOptions): Chrome {
  const header = h('header', { class: 'amo-cabinet__header' });
  const dealCard = h('section', { class: 'amo-cabinet__deal', 'aria-label': 'deal' });
  const details = h('section', { class: 'amo-cabinet__details' });
  const people = h('section', { class: 'amo-cabinet__people' });
  const dealList = h('nav', { class: 'amo-cabinet__deals' });
  const widgetsTitle = h('h2', { class: 'amo-cabinet__section-title' });
  const widgetsBar = h('section', { class: `amo-cabinet__widgets ${GLOBAL_CLASS_NAMES.widgetsBar}` }, widgetsTitle);
  const main = h('main', { class: 'amo-cabinet__main' });
  const root = chrome
    ? h(
        'div',
        { class: 'amo-cabinet', 'data-testid': 'cabinet' },
        header,
        h('div', { class: 'amo-cabinet__body' }, h('aside', { class: 'amo-cabinet__sidebar' }, dealCard, details, people, dealList, widgetsBar), main),
      )
    : h('div', { class: 'amo-cabinet amo-cabinet--bare', 'data-testid': 'cabinet' }, widgetsBar);
  dealList.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-lead-id]');
    if (button && button.getAttribute('aria-current') !== 'true') onSelectDeal(button.dataset.leadId!);
  });
  let labels = labelsFor('en');
  let lang = 'en';
  const failureTitles = new Set<HTMLElement>();
  const titles = new Map<HTMLElement, WidgetSource>();
  const renderTitle = (summary: HTMLElement, source: WidgetSource) => {
    const title = widgetTitle(source, lang);
    summary.replaceChildren(
      ...[
        h('span', { class: 'amo-widget__name' }, title.name),
        title.description ? h('span', { class: 'amo-widget__description' }, title.description) : null,
        title.fallback ? h('span', { class: 'amo-widget__fallback', 'data-i18n-fallback': title.fallback }, `i18n: ${title.fallback}`) : null,
      ].filter((node) => node !== null),
    );
  };

  return {
    root,
    addWidget(source) {
      const errors = h('div', { class: 'amo-widget__errors' });
      const slotHost = h('div', { class: 'amo-widget__slot-host' });
      const summary = h('summary', { class: 'amo-widget__summary' });
      renderTitle(summary, source);
      titles.set(summary, source);
      const item = h('details', { class: `amo-widget ${GLOBAL_CLASS_NAMES.widgetsBarItem}`, 'data-widget': source.name, open: '' }, summary, errors, slotHost);
      widgetsBar.append(item);
      return {
        slotHost,
        remove() {
          titles.delete(summary);
          item.remove();
        },
        restore() {
          titles.set(summary, source);
          renderTitle(summary, source);
          widgetsBar.append(item);
        },
        showFailure(failure) {
          const title = h('strong', { class: 'amo-widget__error-title' }, labels.widgetFailed);
          failureTitles.add(title);
          errors.append(
            h(
              'div',
              { class: 'amo-widget__error', role: 'alert', 'data-phase': failure.phase },
              title,
              h('p', {}, h('b', {}, failure.widget), ` · ${failure.phase}`),
              h('p', { class: 'amo-widget__error-cause' }, failure.reason),
              failure.hint ? h('p', { class: 'amo-widget__error-hint' }, failure.hint) : null,
            ),
          );
        },
      };
    },
    render(view) {
      const { sys } = view;
      labels = labelsFor(sys.lang);
      lang = sys.lang;
      root.lang = sys.lang;
      for (const [summary, source] of titles) renderTitle(summary, source);
      for (const title of failureTitles) title.textContent = labels.widgetFailed;
      widgetsTitle.textContent = labels.widgets;
      header.replaceChildren(h('img', { class: 'amo-cabinet__logo', src: sys.logoUrl, alt: '' }), h('h1', { class: 'amo-cabinet__title' }, sys.pageTitle));
      dealCard.replaceChildren(...renderDeal(view, labels));
      details.replaceChildren(...renderFields(view, LEAD_FIELD_SOURCES.lead, labels.details, labels));
      people.replaceChildren(...renderPeople(view, labels));
      renderDealList(dealList, view, labels.deals);
      main.replaceChildren(renderConversation(view, labels));
      if (sys.isRemovalAvailable) {
        main.append(h('button', { type: 'button', class: 'amo-cabinet__remove-data' }, labels.removeData));
      }
    },
  };
}

/**
 * The deal buttons are kept across renders (only their state and words change), so focus and
 * references to them survive a deal switch.
 */
function renderDealList(list: HTMLElement, view: ChromeView, title: string): void {
  const ids = view.deals.map((deal) => deal.id).join(' ');
  if (list.dataset.leadIds !== ids) {
    list.dataset.leadIds = ids;
    list.replaceChildren(
      h('h2', { class: 'amo-cabinet__section-title' }),
      ...view.deals.map((deal) => h('button', { type: 'button', class: 'amo-cabinet__deal-link', 'data-lead-id': deal.id })),
    );
  }
  list.querySelector('h2')!.textContent = title;
  for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-lead-id]')) {
    button.textContent = view.deals.find((deal) => deal.id === button.dataset.leadId)?.name ?? button.dataset.leadId!;
    if (button.dataset.leadId === view.lead.id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

function renderDeal({ sys, lead, fields, authors, deals }: ChromeView, labels: ChromeLabels): Node[] {
  const status = lead.statuses.find((s) => s.selected);
  const budget = Object.values(fields).find((f) => f.type === 'budget' && f.fieldSource === 'lead');
  const manager = authors[lead.managerId];
  const name = deals.find((deal) => deal.id === lead.id)?.name ?? `#${lead.id}`;
  return [
    h('h2', { class: 'amo-cabinet__deal-name' }, name),
    status
      ? h(
          'span',
          { class: 'amo-cabinet__status', style: `background:${safeColor(status.color)}`, title: labels.status, 'data-status-id': status.id },
          status.name,
        )
      : null,
    typeof budget?.value === 'number'
      ? h('p', { class: 'amo-cabinet__budget' }, `${labels.budget}: `, h('b', {}, formatMoney(budget.value, sys.currencySymbol, sys.lang)))
      : null,
    manager
      ? h(
          'p',
          { class: 'amo-cabinet__manager' },
          h('img', { class: 'amo-cabinet__avatar', src: manager.avatar, alt: '', width: '24', height: '24' }),
          `${labels.manager}: `,
          manager.name,
        )
      : null,
    lead.isLeadLoaded ? null : h('p', { class: 'amo-cabinet__loading', role: 'status' }, labels.loading),
  ].filter((node): node is HTMLElement => node !== null);
}

function renderFields(view: ChromeView, source: string, title: string, labels: ChromeLabels, ids?: readonly string[]): Node[] {
  const fields = (ids ?? Object.keys(view.fields))
    .map((id) => view.fields[id])
    .filter((field) => field && field.fieldSource === source && field.type !== 'budget');
  if (!fields.length) return [];
  return [
    h('h3', { class: 'amo-cabinet__section-title' }, title),
    h(
      'dl',
      { class: 'amo-cabinet__fields' },
      ...fields.flatMap((field) => [
        h('dt', {}, field!.name),
        h('dd', { 'data-field-type': field!.type, 'data-field-id': field!.id }, formatField(field!, view.sys, labels)),
      ]),
    ),
  ];
}

function renderPeople(view: ChromeView, labels: ChromeLabels): Node[] {
  const { lead } = view;
  const contacts = Object.values(lead.contacts);
  const nodes: Node[] = [];
  if (contacts.length) {
    nodes.push(h('h3', { class: 'amo-cabinet__section-title amo-cabinet__contacts' }, `${labels.contacts} · ${contacts.length}`));
    for (const contact of contacts) {
      nodes.push(
        h(
          'div',
          { class: 'amo-cabinet__contact', 'data-contact-id': contact.id },
          h('b', {}, view.contactNames[contact.id] ?? `#${contact.id}`),
          ...renderFields(view, LEAD_FIELD_SOURCES.contacts, '', labels, contact.fieldIds).slice(1),
        ),
      );
    }
  }
  if (lead.company) {
    nodes.push(
      h('h3', { class: 'amo-cabinet__section-title' }, labels.company),
      h(
        'div',
        { class: 'amo-cabinet__company' },
        h('b', {}, lead.company.name),
        ...renderFields(view, LEAD_FIELD_SOURCES.company, '', labels, lead.company.fieldIds).slice(1),
      ),
    );
  }
  return nodes;
}

function renderConversation(view: ChromeView, labels: ChromeLabels): HTMLElement {
  return h(
    'section',
    { class: 'amo-conversation', 'aria-label': labels.conversation },
    h('h2', { class: 'amo-cabinet__section-title' }, labels.conversation),
    h('ol', { class: 'amo-conversation__feed' }, ...view.conversation.map((item) => renderItem(item, view, labels))),
  );
}

function renderItem(item: ConversationItem, view: ChromeView, labels: ChromeLabels): HTMLElement {
  const author = view.authors[item.authorId];
  const side = author?.isClient ? 'client' : author?.isBot ? 'bot' : 'manager';
  let body: HTMLElement;
  if (item.kind === 'message') body = h('p', { class: 'amo-conversation__text' }, item.text);
  else if (item.kind === 'document') {
    body = h(
      'p',
      { class: 'amo-conversation__attachment', 'data-kind': 'document' },
      h('img', { class: 'amo-conversation__icon', src: documentIcon, alt: '', width: '20', height: '20' }),
      `${item.name} · ${item.sizeKb} KB`,
    );
  } else {
    const minutes = `${Math.floor(item.durationSec / 60)}:${String(item.durationSec % 60).padStart(2, '0')}`;
    body = h(
      'p',
      { class: 'amo-conversation__attachment', 'data-kind': 'call' },
      h('img', { class: 'amo-conversation__icon', src: callIcon, alt: '', width: '20', height: '20' }),
      `${labels.call}: ${item.title} · ${minutes}`,
    );
  }
  return h(
    'li',
    { class: `amo-conversation__item amo-conversation__item--${side}`, 'data-item': item.id },
    author ? h('img', { class: 'amo-cabinet__avatar', src: author.avatar, alt: '', width: '32', height: '32' }) : null,
    h(
      'div',
      { class: 'amo-conversation__bubble' },
      h('span', { class: 'amo-conversation__meta' }, `${author?.name ?? '?'} · ${formatDateTime(item.at, view.sys)}`),
      body,
    ),
  );
}

/** A status colour goes into a style attribute: only a plain hex or rgb colour passes. */
function safeColor(color: string): string {
  return /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))$/i.test(color) ? color : '#e3e7ee';
}
