/**
 * A lead field's value as the cabinet shows it, for each of the 16 FIELD_TYPES: dates in the
 * account's date format (timestamps are seconds, shown in UTC like amoCRM's date-only fields),
 * money with the currency symbol, enums by their text, phones and emails with their kind.
 */
import dateFormat from 'dateformat';
import type { DeepReadonly, LeadField, SysModel } from '../sdk/models';
import { formatMoney } from './formatMoney';
import type { ChromeLabels } from './labels';

export function formatDate(seconds: number, sys: DeepReadonly<SysModel>): string {
  return dateFormat(seconds * 1000, sys.dateFormat, true);
}

export function formatDateTime(ms: number, sys: DeepReadonly<SysModel>): string {
  return `${dateFormat(ms, sys.dateFormat, true)} ${dateFormat(ms, sys.timeFormat, true)}`;
}

export function formatField(field: DeepReadonly<LeadField>, sys: DeepReadonly<SysModel>, labels: ChromeLabels): string {
  const { value } = field;
  if (value === null || value === undefined || value === '') return labels.empty;
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'url':
    case 'streetaddress':
    case 'numeric':
      return String(value);
    case 'budget':
      return formatMoney(value as number, sys.currencySymbol, sys.lang);
    case 'checkbox':
      return value ? labels.yes : labels.no;
    case 'date':
    case 'birthday':
      return formatDate(value as number, sys);
    case 'dateTime':
      return formatDateTime((value as number) * 1000, sys);
    case 'select':
    case 'radiobutton':
      return (value as { value: string }).value;
    case 'multiselect':
      return (value as readonly { value: string }[]).map((item) => item.value).join(', ');
    case 'multitext':
      return (value as readonly { value: string; enum_code: string }[])
        .map((item) => `${item.value} (${labels.enumCodes[item.enum_code] ?? item.enum_code})`)
        .join(', ');
    case 'smartAddress':
      return (value as readonly { value: string }[])
        .map((part) => part.value)
        .filter(Boolean)
        .join(', ');
    case 'legalEntity': {
      const entity = value as { name: string; entity_type: string; vat_id: string; kpp: string };
      return [entity.name, entity.entity_type, entity.vat_id && `VAT ${entity.vat_id}`, entity.kpp && `KPP ${entity.kpp}`].filter(Boolean).join(' · ');
    }
  }
}
