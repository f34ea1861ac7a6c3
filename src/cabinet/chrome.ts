/**
 * The cabinet's chrome around the widget slots: header (logo, page title), sidebar (active deal,
 * its contacts and company, the client's deals, the widgets accordion) and the main area. The
 * widget part is built once and kept, so a deal switch never moves a widget's DOM; the rest is
 * re-rendered from the view.
 */
import { GLOBAL_CLASS_NAMES } from '../sdk/constants';
import type { CabinetFixture, DealFixture } from '../fixtures/cabinetFixture';
import type { SysModel } from '../sdk/models';
import type { WidgetFailure } from '../lifecycle/widgetFailure';
import { h } from './dom';
import { formatMoney } from './formatMoney';
import { labelsFor } from './labels';
import './cabinet.css';

export interface ChromeView {
  sys: SysModel;
  fixture: CabinetFixture;
  activeDeal: DealFixture;
}

export interface WidgetPanel {
  slotHost: HTMLElement;
  showFailure(failure: WidgetFailure): void;
}

export interface Chrome {
  root: HTMLElement;
  addWidget(name: string): WidgetPanel;
  render(view: ChromeView): void;
}

export function createChrome(onSelectDeal: (leadId: string) => void): Chrome {
  const header = h('header', { class: 'amo-cabinet__header' });
  const dealCard = h('section', { class: 'amo-cabinet__deal', 'aria-label': 'deal' });
  const dealList = h('nav', { class: 'amo-cabinet__deals' });
  const widgetsTitle = h('h2', { class: 'amo-cabinet__section-title' });
  const widgetsBar = h('section', { class: `amo-cabinet__widgets ${GLOBAL_CLASS_NAMES.widgetsBar}` }, widgetsTitle);
  const main = h('main', { class: 'amo-cabinet__main' });
  const root = h(
    'div',
    { class: 'amo-cabinet', 'data-testid': 'cabinet' },
    header,
    h('div', { class: 'amo-cabinet__body' }, h('aside', { class: 'amo-cabinet__sidebar' }, dealCard, dealList, widgetsBar), main),
  );
  dealList.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-lead-id]');
    if (button && button.getAttribute('aria-current') !== 'true') onSelectDeal(button.dataset.leadId!);
  });
  let labels = labelsFor('en');
  const failureTitles = new Set<HTMLElement>();

  return {
    root,
    addWidget(name) {
      const errors = h('div', { class: 'amo-widget__errors' });
      const slotHost = h('div', { class: 'amo-widget__slot-host' });
      const item = h(
        'details',
        { class: `amo-widget ${GLOBAL_CLASS_NAMES.widgetsBarItem}`, 'data-widget': name, open: '' },
        h('summary', { class: 'amo-widget__name' }, name),
        errors,
        slotHost,
      );
      widgetsBar.append(item);
      return {
        slotHost,
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
    render({ sys, fixture, activeDeal }) {
      labels = labelsFor(sys.lang);
      root.lang = sys.lang;
      for (const title of failureTitles) title.textContent = labels.widgetFailed;
      widgetsTitle.textContent = labels.widgets;
      header.replaceChildren(
        h('img', { class: 'amo-cabinet__logo', src: sys.logoUrl, alt: '' }),
        h('h1', { class: 'amo-cabinet__title' }, sys.pageTitle),
      );
      dealCard.replaceChildren(...renderDeal(activeDeal, fixture, sys, labels));
      renderDealList(dealList, fixture, activeDeal, labels.deals);
      main.replaceChildren(renderParticipants(fixture));
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
function renderDealList(list: HTMLElement, fixture: CabinetFixture, activeDeal: DealFixture, title: string): void {
  const ids = fixture.deals.map((deal) => deal.lead.id).join(' ');
  if (list.dataset.leadIds !== ids) {
    list.dataset.leadIds = ids;
    list.replaceChildren(
      h('h2', { class: 'amo-cabinet__section-title' }),
      ...fixture.deals.map((deal) =>
        h('button', { type: 'button', class: 'amo-cabinet__deal-link', 'data-lead-id': deal.lead.id }, deal.name),
      ),
    );
  }
  list.querySelector('h2')!.textContent = title;
  for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-lead-id]')) {
    if (button.dataset.leadId === activeDeal.lead.id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

function renderDeal(deal: DealFixture, fixture: CabinetFixture, sys: SysModel, labels: ReturnType<typeof labelsFor>): Node[] {
  const { lead, fields } = deal;
  const status = lead.statuses.find((s) => s.selected);
  const budget = Object.values(fields).find((f) => f.type === 'budget' && f.fieldSource === 'lead');
  const manager = fixture.authors[lead.managerId];
  const rows: Node[] = [
    h('h2', { class: 'amo-cabinet__deal-name' }, deal.name),
    status
      ? h('span', { class: 'amo-cabinet__status', style: `background:${status.color}`, title: labels.status }, status.name)
      : null,
    typeof budget?.value === 'number'
      ? h('p', {}, `${labels.budget}: `, h('b', {}, formatMoney(budget.value, sys.currencySymbol, sys.lang)))
      : null,
    manager ? h('p', {}, `${labels.manager}: `, manager.name) : null,
    h('p', { class: 'amo-cabinet__contacts' }, `${labels.contacts}: ${Object.keys(lead.contacts).length}`),
    lead.company ? h('p', { class: 'amo-cabinet__company' }, `${labels.company}: `, lead.company.name) : null,
    lead.isLeadLoaded ? null : h('p', { class: 'amo-cabinet__loading' }, labels.loading),
  ].filter((node): node is HTMLElement => node !== null);
  return rows;
}

function renderParticipants(fixture: CabinetFixture): HTMLElement {
  return h(
    'ul',
    { class: 'amo-cabinet__participants' },
    ...Object.values(fixture.authors).map((author) =>
      h('li', { 'data-author': author.id }, h('img', { src: author.avatar, alt: '', width: '32', height: '32' }), author.name),
    ),
  );
}
