/**
 * What the workbench's controls and toolbar say about the host, and how it becomes host state.
 * Toolbar globals apply to every story; an arg that is set overrides its global for one story; an
 * unset one leaves the fixture's value. Pure functions: unit-tested in Node.
 */
import { DATE_FORMATS, TIME_FORMATS, type DateFormatKey, type Lang, type TimeFormatKey } from '../../common/constants';
import type { LeadFieldsModel, LeadModel, SysModel } from '../sdk/models';
import type { CabinetFixture, DealFixture } from '../fixtures/cabinetFixture';

export interface HostInputs {
  // SysModel
  lang?: Lang;
  dateFormat?: DateFormatKey;
  timeFormat?: TimeFormatKey;
  currencySymbol?: string;
  isRemovalAvailable?: boolean;
  logoUrl?: string;
  pageTitle?: string;
  // The deal
  /** Switches the active deal when it changes (a click in the deal list does too). */
  activeLeadId?: string;
  /** The selected status id of the active deal's pipeline. */
  status?: string;
  managerId?: string;
  /** Which of the deal's contacts are attached. */
  contactIds?: string[];
  hasCompany?: boolean;
  isLeadLoaded?: boolean;
  /** Replaces the active deal's LeadFieldsModel. */
  leadFields?: LeadFieldsModel;
}

/** Toolbar globals (names exactly as the URL uses them: `globals=lang:es;dateFormat:...`). */
export interface HostGlobals {
  lang?: Lang;
  dateFormat?: DateFormatKey;
  timeFormat?: TimeFormatKey;
  clock?: 'fixed' | 'live';
  /** fresh: every story render starts with empty web storage; keep: storage stays across renders. */
  storage?: 'fresh' | 'keep';
}

/** Args win over globals, but only where they are set. */
export function mergeInputs(globals: HostGlobals, args: HostInputs): HostInputs {
  const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined && value !== null));
  const { clock: _clock, storage: _storage, ...fromGlobals } = globals;
  return { ...fromGlobals, ...defined };
}

export function deriveSys(base: SysModel, inputs: HostInputs): SysModel {
  return {
    ...base,
    lang: inputs.lang ?? base.lang,
    dateFormat: inputs.dateFormat ? DATE_FORMATS[inputs.dateFormat] : base.dateFormat,
    timeFormat: inputs.timeFormat ? TIME_FORMATS[inputs.timeFormat] : base.timeFormat,
    currencySymbol: inputs.currencySymbol ?? base.currencySymbol,
    isRemovalAvailable: inputs.isRemovalAvailable ?? base.isRemovalAvailable,
    logoUrl: inputs.logoUrl ?? base.logoUrl,
    pageTitle: inputs.pageTitle ?? base.pageTitle,
  };
}

export interface DerivedDeal {
  lead: LeadModel;
  fields: LeadFieldsModel;
}

export function deriveDeal(deal: DealFixture, fixture: CabinetFixture, inputs: HostInputs): DerivedDeal {
  let fields: LeadFieldsModel = inputs.leadFields ?? deal.fields;
  let company = deal.lead.company;
  if (inputs.hasCompany === false) company = null;
  if (inputs.hasCompany === true && !company) {
    // Borrow the first company of the client's deals, with its fields, so "present" always shows one.
    const donor = fixture.deals.find((d) => d.lead.company);
    if (donor?.lead.company) {
      company = donor.lead.company;
      const companyFields = Object.fromEntries(company.fieldIds.flatMap((id) => (donor.fields[id] ? [[id, donor.fields[id]]] : [])));
      fields = { ...fields, ...companyFields };
    }
  }
  const statuses =
    inputs.status && deal.lead.statuses.some((s) => s.id === inputs.status)
      ? deal.lead.statuses.map((s) => ({ ...s, selected: s.id === inputs.status }))
      : deal.lead.statuses;
  const contacts = inputs.contactIds
    ? Object.fromEntries(Object.entries(allContacts(fixture)).filter(([id]) => inputs.contactIds!.includes(id)))
    : deal.lead.contacts;
  return {
    lead: {
      ...deal.lead,
      statuses,
      managerId: inputs.managerId ?? deal.lead.managerId,
      contacts,
      company,
      isLeadLoaded: inputs.isLeadLoaded ?? deal.lead.isLeadLoaded,
    },
    fields,
  };
}

/** Every contact of the client's deals, by id (the options of the contacts control). */
export function allContacts(fixture: CabinetFixture): LeadModel['contacts'] {
  return Object.assign({}, ...fixture.deals.map((d) => d.lead.contacts));
}
