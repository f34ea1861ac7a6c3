/**
 * The default client's first deal, as ids and types only (no words, no assets): what a widget
 * folder's `workbench.states.json` may name, checked in Node (src/node/widgets/widgetStates.ts) and
 * applied in the browser (src/preview/stateFixture.ts). buildFixture.ts builds the deal from the same ids.
 */
import type { FieldType } from './constants.ts';

/** The pipeline's status ids, in the order the cabinet shows them. */
export const STATUS_IDS = ['142001', '142002', '142003', '142004', '142'] as const;

/** Every field of the default deal by id, with its type. */
export const DEFAULT_DEAL_FIELDS: Readonly<Record<string, FieldType>> = {
  'lead-budget': 'budget',
  'lead-580101': 'text',
  'lead-580102': 'numeric',
  'lead-580103': 'checkbox',
  'lead-580104': 'date',
  'lead-580105': 'select',
  'lead-580106': 'multiselect',
  'lead-580107': 'textarea',
  'lead-580108': 'radiobutton',
  'lead-580109': 'dateTime',
  'contact-1-phone': 'multitext',
  'contact-1-email': 'multitext',
  'contact-1-birthday': 'birthday',
  'contact-2-phone': 'multitext',
  'contact-2-email': 'multitext',
  'company-web': 'url',
  'company-address': 'streetaddress',
  'company-smart-address': 'smartAddress',
  'company-legal': 'legalEntity',
};
