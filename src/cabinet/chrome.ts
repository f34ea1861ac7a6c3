/**
 * The cabinet's chrome around the widget slots: header (logo, page title), sidebar (active deal,
 * its contacts and company, the client's deals, the widgets accordion) and the main area. The
 * widget part is built once and kept, so a deal switch never moves a widget's DOM; the rest is
 * re-rendered from the view.
 */
import { GLOBAL_CLASS_NAMES } from '../sdk/constants';
import type { AuthorsModel, LeadFieldsModel, LeadModel, SysModel } from '../sdk/models';
import type { DeepReadonly } from '../sdk/models';
import type { WidgetFailure } from '../lifecycle/widgetFailure';
import { h } from './dom';
import { formatMoney } from './formatMoney';
import { labelsFor } from './labels';
import type { WidgetSource } from './createCabinet';
import { widgetTitle } from './widgetTitle';
import './cabinet.css';

/** What the chrome shows: the host state (as widgets see it) plus the deal names. */
export interface ChromeView {
  sys: DeepReadonly<SysModel>;
  lead: DeepReadonly<LeadModel>;
  fields: DeepReadonly<LeadFieldsModel>;
  authors: DeepReadonly<AuthorsModel>;
  /** The client's deals in list order. */
  deals: readonly { id: string; name: string }[];
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
  const dealList = h('nav', { class: 'amo-cabinet__deals' });
  const widgetsTitle = h('h2', { class: 'amo-cabinet__section-title' });
  const widgetsBar = h('section', { class: `amo-cabinet__widgets ${GLOBAL_CLASS_NAMES.widgetsBar}` }, widgetsTitle);
  const main = h('main', { class: 'amo-cabinet__main' });
  const root = chrome
    ? h(
        'div',
        { class: 'amo-cabinet', 'data-testid': 'cabinet' },
        header,
        h('div', { class: 'amo-cabinet__body' }, h('aside', { class: 'amo-cabinet__sidebar' }, dealCard, dealList, widgetsBar), main),
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
      const item = h(
        'details',
        { class: `amo-widget ${GLOBAL_CLASS_NAMES.widgetsBarItem}`, 'data-widget': source.name, open: '' },
        summary,
        errors,
        slotHost,
      );
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
      header.replaceChildren(
        h('img', { class: 'amo-cabinet__logo', src: sys.logoUrl, alt: '' }),
        h('h1', { class: 'amo-cabinet__title' }, sys.pageTitle),
      );
      dealCard.replaceChildren(...renderDeal(view, labels));
      renderDealList(dealList, view, labels.deals);
      main.replaceChildren(renderParticipants(view.authors));
      if (sys.isRemovalAvailable) {
        main.append(h('button', { type: 'button', class: 'amo-cabinet__remove-data' }, labels.removeData));
      }
    },
  };
}

/**
 * The deal buttons are kept across renders (only their state changes), so focus and references
 * to them survive a deal switch.
 */
function renderDealList(list: HTMLElement, view: ChromeView, title: string): void {
  const ids = view.deals.map((deal) => deal.id).join(' ');
  if (list.dataset.leadIds !== ids) {
    list.dataset.leadIds = ids;
    list.replaceChildren(
      h('h2', { class: 'amo-cabinet__section-title' }),
      ...view.deals.map((deal) => h('button', { type: 'button', class: 'amo-cabinet__deal-link', 'data-lead-id': deal.id }, deal.name)),
    );
  }
  list.querySelector('h2')!.textContent = title;
  for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-lead-id]')) {
    if (button.dataset.leadId === view.lead.id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

function renderDeal({ sys, lead, fields, authors, deals }: ChromeView, labels: ReturnType<typeof labelsFor>): Node[] {
  const status = lead.statuses.find((s) => s.selected);
  const budget = Object.values(fields).find((f) => f.type === 'budget' && f.fieldSource === 'lead');
  const manager = authors[lead.managerId];
  const name = deals.find((deal) => deal.id === lead.id)?.name ?? `#${lead.id}`;
  return [
    h('h2', { class: 'amo-cabinet__deal-name' }, name),
    status
      ? h('span', { class: 'amo-cabinet__status', style: `background:${status.color}`, title: labels.status, 'data-status-id': status.id }, status.name)
      : null,
    typeof budget?.value === 'number'
      ? h('p', { class: 'amo-cabinet__budget' }, `${labels.budget}: `, h('b', {}, formatMoney(budget.value, sys.currencySymbol, sys.lang)))
      : null,
    manager ? h('p', { class: 'amo-cabinet__manager' }, `${labels.manager}: `, manager.name) : null,
    h('p', { class: 'amo-cabinet__contacts' }, `${labels.contacts}: ${Object.keys(lead.contacts).length}`),
    lead.company ? h('p', { class: 'amo-cabinet__company' }, `${labels.company}: `, lead.company.name) : null,
    lead.isLeadLoaded ? null : h('p', { class: 'amo-cabinet__loading' }, labels.loading),
  ].filter((node): node is HTMLElement => node !== null);
}

function renderParticipants(authors: DeepReadonly<AuthorsModel>): HTMLElement {
  return h(
    'ul',
    { class: 'amo-cabinet__participants' },
    ...Object.values(authors).map((author) =>
      h('li', { 'data-author': author.id }, h('img', { src: author.avatar, alt: '', width: '32', height: '32' }), author.name),
    ),
  );
}
