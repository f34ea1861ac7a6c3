import { describe, expect, it } from 'vitest';
import { CONSTANTS, FIELD_TYPES, GLOBAL_CLASS_NAMES } from '../../common/constants';
import { createInitAmocrmWidgetSdk } from './createSdk';
import { HostState } from './hostState';
import { defaultFixture } from '../fixtures';

function makeSdk() {
  let leadId = '1';
  const state = new HostState({ sys: defaultFixture.sys, lead: defaultFixture.deals[0]!.lead });
  const init = createInitAmocrmWidgetSdk({ state, routerQuery: () => ({ leadId, accountId: '31000001' }) });
  return { init, state, switchTo: (id: string) => (leadId = id) };
}

describe('initAmocrmWidgetSdk', () => {
  it('requires a version', () => {
    const { init } = makeSdk();
    expect(() => (init as (o?: unknown) => unknown)()).toThrow(/options\.version is required.*Supported versions: 1\.0\.0/);
    expect(() => init({} as never)).toThrow(/options\.version is required/);
  });

  it('refuses what is not a version, and versions it does not know', () => {
    const { init } = makeSdk();
    expect(() => init({ version: 'latest' })).toThrow('initAmocrmWidgetSdk: version "latest" is not a version (expected x.y.z). Supported versions: 1.0.0.');
    expect(() => init({ version: 2 as never })).toThrow(/version 2 is not a version/);
    expect(() => init({ version: '2.0.0' })).toThrow('initAmocrmWidgetSdk: unknown SDK version "2.0.0". Supported versions: 1.0.0.');
  });

  it('returns methods and the documented constants', () => {
    const sdk = makeSdk().init({ version: '1.0.0' });
    expect(Object.keys(sdk.methods).sort()).toEqual(['getRouterQuery', 'getState', 'subscribe']);
    expect(sdk.constants).toBe(CONSTANTS);
    expect(sdk.constants.DATE_FORMATS).toEqual({
      americanNormal: 'dd/mm/yyyy',
      americanInversed: 'mm/dd/yyyy',
      russianNormal: 'dd.mm.yyyy',
      chineseNormal: 'yyyy/mm/dd',
    });
    expect(sdk.constants.TIME_FORMATS).toEqual({ twelve: 'h:MM TT', twentyFour: 'HH:MM' });
    expect(sdk.constants.SUPPORTED_LANGS).toEqual({ ru: 'ru', en: 'en', es: 'es', pt: 'pt' });
    expect(sdk.constants.LEAD_FIELD_SOURCES).toEqual({ lead: 'lead', contacts: 'contacts', company: 'company' });
    expect(Object.values(FIELD_TYPES)).toHaveLength(16);
    expect(sdk.constants.PUBLIC_STATE_ENTITIES).toEqual({ sys: 'sys', lead: 'lead', leadFields: 'leadFields', authors: 'authors' });
    for (const name of Object.values(GLOBAL_CLASS_NAMES)) expect(name).toMatch(/^js-/);
  });

  it('has constants a widget cannot change for other widgets', () => {
    const sdk = makeSdk().init({ version: '1.0.0' });
    expect(Object.isFrozen(sdk.constants.DATE_FORMATS)).toBe(true);
    expect(() => {
      (sdk.constants.DATE_FORMATS as { russianNormal: string }).russianNormal = 'x';
    }).toThrow(TypeError);
  });

  it('getState and subscribe read the cabinet state; unknown entities are errors', () => {
    const { init, state } = makeSdk();
    const sdk = init({ version: '1.0.0' });
    expect(sdk.methods.getState('sys')).toBe(state.get('sys'));
    expect(sdk.methods.getState('authors')).toBeNull();
    expect(() => sdk.methods.getState('users' as never)).toThrow(/unknown entity "users"/);
    expect(() => sdk.methods.subscribe('users' as never, () => {})).toThrow(/unknown entity "users"/);
  });

  it('getRouterQuery follows the active deal and hands out copies', () => {
    const { init, switchTo } = makeSdk();
    const sdk = init({ version: '1.0.0' });
    const first = sdk.methods.getRouterQuery();
    expect(first).toEqual({ leadId: '1', accountId: '31000001' });
    first.leadId = 'mutated';
    switchTo('2');
    expect(sdk.methods.getRouterQuery()).toEqual({ leadId: '2', accountId: '31000001' });
  });
});
