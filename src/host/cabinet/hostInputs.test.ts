import { describe, expect, it } from 'vitest';
import { deriveDeal, deriveSys, mergeInputs } from './hostInputs';
import { defaultFixture } from '../fixtures';

const [main, second] = defaultFixture.deals as [(typeof defaultFixture.deals)[0], (typeof defaultFixture.deals)[0]];

describe('host inputs', () => {
  it('lets a set arg override its toolbar global, and an unset one follow it', () => {
    expect(mergeInputs({ lang: 'es', dateFormat: 'chineseNormal', clock: 'live' }, { lang: 'pt', timeFormat: undefined })).toEqual({
      lang: 'pt',
      dateFormat: 'chineseNormal',
    });
  });

  it('derives SysModel with format keys turned into dateformat masks', () => {
    const sys = deriveSys(defaultFixture.sys, {
      lang: 'en',
      dateFormat: 'americanInversed',
      timeFormat: 'twelve',
      currencySymbol: '$',
      isRemovalAvailable: false,
      pageTitle: 'T',
    });
    expect(sys).toMatchObject({ lang: 'en', dateFormat: 'mm/dd/yyyy', timeFormat: 'h:MM TT', currencySymbol: '$', isRemovalAvailable: false, pageTitle: 'T' });
    expect(sys.logoUrl).toBe(defaultFixture.sys.logoUrl);
    expect(deriveSys(defaultFixture.sys, {})).toEqual(defaultFixture.sys);
  });

  it('applies the deal controls to the active deal', () => {
    const { lead } = deriveDeal(main, defaultFixture, { status: '142', managerId: '5502099', isLeadLoaded: false, contactIds: ['3302'] });
    expect(lead.statuses.filter((s) => s.selected).map((s) => s.id)).toEqual(['142']);
    expect(lead.managerId).toBe('5502099');
    expect(lead.isLeadLoaded).toBe(false);
    expect(Object.keys(lead.contacts)).toEqual(['3302']);
  });

  it('ignores a status that is not in the pipeline', () => {
    expect(deriveDeal(main, defaultFixture, { status: 'nope' }).lead.statuses).toEqual(main.lead.statuses);
  });

  it("removes the company, or borrows the client's company with its fields", () => {
    expect(deriveDeal(main, defaultFixture, { hasCompany: false }).lead.company).toBeNull();
    const borrowed = deriveDeal(second, defaultFixture, { hasCompany: true });
    expect(borrowed.lead.company?.name).toBe(main.lead.company!.name);
    for (const id of main.lead.company!.fieldIds) expect(borrowed.fields[id]).toEqual(main.fields[id]);
  });

  it('replaces the lead fields when the control is set', () => {
    const leadFields = { x: { id: 'x', fieldId: '1', fieldSource: 'lead' as const, name: 'X', type: 'text' as const, value: 'y' } };
    expect(deriveDeal(main, defaultFixture, { leadFields }).fields).toBe(leadFields);
  });

  it('has a default client with two deals and all 16 field types across the three sources', () => {
    expect(defaultFixture.deals.length).toBeGreaterThanOrEqual(2);
    const fields = Object.values(main.fields);
    expect(new Set(fields.map((f) => f.type)).size).toBe(16);
    expect(new Set(fields.map((f) => f.fieldSource))).toEqual(new Set(['lead', 'contacts', 'company']));
  });
});
