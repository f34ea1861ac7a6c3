/**
 * A widget state: what the host and the widget's backend look like in one story. The workbench's
 * own states (HOST_STATES for every widget folder, BACKEND_STATES for one with mocks/handlers) and a
 * folder's `workbench.states.json` (src/node/widgets/widgetStates.ts) give these; the generated story
 * writes each as a literal and the browser applies it (src/preview/widgetStates.ts). Pure data: read
 * in Node and in the browser.
 */
import type { Scenario } from './scenarioNames.ts';

export interface DealState {
  /** false: the deal has no company (its company fields go too). */
  company?: boolean;
  /** false: `isLeadLoaded: false`, as the host shows the deal before it arrives. */
  loaded?: boolean;
  /** The selected status (an id of src/common/defaultDeal.ts: STATUS_IDS). */
  status?: string;
  /** Keep only these fields (ids of DEFAULT_DEAL_FIELDS); the rest of the deal stays. */
  onlyFields?: string[];
  /** A value for a field of the default deal (by id; null: no value), or a new field. */
  fields?: Record<string, unknown>;
  /** Names and values at the lengths a real account has. */
  longValues?: boolean;
}

export interface SysState {
  currencySymbol?: string;
  isRemovalAvailable?: boolean;
  logoUrl?: string;
  pageTitle?: string;
}

export interface StateSpec {
  /** The story's name, exactly as the sidebar shows it. */
  name: string;
  /** The CSF export (the story id's last part): stable for a name. */
  exportName: string;
  deal?: DealState;
  sys?: SysState;
  backend?: { scenario: Scenario; delayMs?: number };
  /** Put into localStorage before the widget loads (after the page's web storage is emptied). */
  localStorage?: Record<string, string>;
}

/** Every widget folder's states. */
export const HOST_STATES: readonly StateSpec[] = [
  { name: 'Default', exportName: 'Default' },
  { name: 'Deal without company', exportName: 'DealWithoutCompany', deal: { company: false } },
  { name: 'Deal not loaded yet', exportName: 'DealNotLoadedYet', deal: { loaded: false } },
  { name: 'Few fields', exportName: 'FewFields', deal: { onlyFields: ['lead-budget', 'contact-1-phone'] } },
  { name: 'Long values', exportName: 'LongValues', deal: { longValues: true } },
];

/** The states of a widget folder with its own backend (mocks/handlers). */
export const BACKEND_STATES: readonly StateSpec[] = [
  { name: 'Loading', exportName: 'Loading', backend: { scenario: 'loading' } },
  { name: 'Empty', exportName: 'Empty', backend: { scenario: 'empty' } },
  { name: 'Server error', exportName: 'ServerError', backend: { scenario: 'server-error' } },
  { name: 'Forbidden', exportName: 'Forbidden', backend: { scenario: 'forbidden' } },
  { name: 'Expired token', exportName: 'ExpiredToken', backend: { scenario: 'expired-token' } },
  { name: 'Offline', exportName: 'Offline', backend: { scenario: 'network-error' } },
];

/** The overview story of every state. */
export const ALL_STATES = { name: 'All states', exportName: 'AllStates' } as const;

/** A state story, rather than Default: its offline capture is the widgets column (small baselines). */
export const STATE_TAG = 'widget-state';
