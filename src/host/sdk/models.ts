/**
 * The models `getState` returns, as the host documentation types them, with the value shapes the
 * documentation gives for lead fields written down once as a discriminated union.
 */
import type { DateFormat, FieldType, Lang, LeadFieldSource, PublicStateEntity, TimeFormat } from '../../common/constants';

export interface SysModel {
  currencySymbol: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  lang: Lang;
  isRemovalAvailable: boolean;
  logoUrl: string;
  pageTitle: string;
}

export interface LeadStatus {
  id: string;
  name: string;
  color: string;
  selected: boolean;
}

export interface LeadContact {
  fieldIds: string[];
  id: string;
  userId: string;
}

export interface LeadCompany {
  id: string;
  name: string;
  fieldIds: string[];
}

export interface LeadModel {
  id: string;
  pid: string;
  isLeadLoaded: boolean;
  fieldIds: string[];
  statuses: LeadStatus[];
  managerId: string;
  contacts: Record<string, LeadContact>;
  company: LeadCompany | null;
}

export interface EnumValue {
  enum_id: number;
  value: string;
}
export type PhoneEnumCode = 'WORK' | 'WORKDD' | 'MOB' | 'FAX' | 'HOME' | 'OTHER';
export type EmailEnumCode = 'WORK' | 'PRIV' | 'OTHER';
export interface MultitextValue {
  value: string;
  enum_code: PhoneEnumCode | EmailEnumCode;
}
export type SmartAddressPart = 'address_line_1' | 'address_line_2' | 'city' | 'state' | 'zip' | 'country';
export interface SmartAddressValue {
  value: string;
  enum_code: SmartAddressPart;
}
export interface LegalEntityValue {
  name: string;
  entity_type: string;
  vat_id: string;
  tax_registration_reason_code: string;
  address: string;
  kpp: string;
  external_uid: string;
}

/** Value shape per field type (amoCRM REST API v4 `custom_fields_values`). */
export interface FieldValueByType {
  text: string;
  textarea: string;
  url: string;
  streetaddress: string;
  numeric: string;
  budget: number;
  checkbox: boolean;
  date: number;
  birthday: number;
  dateTime: number;
  select: EnumValue;
  radiobutton: EnumValue;
  multiselect: EnumValue[];
  multitext: MultitextValue[];
  smartAddress: SmartAddressValue[];
  legalEntity: LegalEntityValue;
}

export type LeadField<T extends FieldType = FieldType> = T extends FieldType
  ? {
      id: string;
      fieldId: string;
      fieldSource: LeadFieldSource;
      name: string;
      type: T;
      /** `null` where amoCRM has no value for the field. */
      value: FieldValueByType[T] | null;
    }
  : never;

export type LeadFieldsModel = Record<string, LeadField>;

export interface Author {
  id: string;
  avatar: string;
  name: string;
  isBot: boolean;
  isClient: boolean;
}
export type AuthorsModel = Record<string, Author>;

export interface RouterQuery {
  leadId?: string;
  accountId?: string;
}

/** Which model each public entity name yields. */
export interface EntityModels {
  sys: SysModel;
  lead: LeadModel;
  leadFields: LeadFieldsModel;
  authors: AuthorsModel;
}

export type EntityModel<E extends PublicStateEntity> = EntityModels[E];
/** What `getState` returns: read-only, since the host owns the state. */
export type Snapshot<E extends PublicStateEntity> = DeepReadonly<EntityModels[E]>;

export type DeepReadonly<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
