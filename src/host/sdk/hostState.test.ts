import { describe, expect, it, vi } from 'vitest';
import { HostState } from './hostState';
import { defaultFixture } from '../fixtures';

const initial = () => ({
  sys: defaultFixture.sys,
  lead: defaultFixture.deals[0]!.lead,
  leadFields: defaultFixture.deals[0]!.fields,
  authors: defaultFixture.authors,
});

describe('HostState', () => {
  it('returns deeply frozen snapshots that cannot change host state', () => {
    const state = new HostState(initial());
    const lead = state.get('lead')!;
    expect(Object.isFrozen(lead)).toBe(true);
    expect(Object.isFrozen(lead.statuses[0])).toBe(true);
    expect(() => {
      (lead.statuses[0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(state.get('lead')!.statuses[0]!.name).toBe(defaultFixture.deals[0]!.lead.statuses[0]!.name);
  });

  it('copies what it is given: mutating the source later does not change the snapshot', () => {
    const sys = { ...defaultFixture.sys };
    const state = new HostState({ sys });
    sys.pageTitle = 'mutated';
    expect(state.get('sys')!.pageTitle).toBe(defaultFixture.sys.pageTitle);
  });

  it('returns null for an entity that has no value', () => {
    expect(new HostState({}).get('authors')).toBeNull();
  });

  it('rejects unknown entity names with the valid ones listed', () => {
    const state = new HostState(initial());
    expect(() => state.get('deals' as never)).toThrow(
      'getState: unknown entity "deals". Use one of constants.PUBLIC_STATE_ENTITIES: sys, lead, leadFields, authors.',
    );
    expect(() => state.subscribe('nope' as never, () => {})).toThrow(/subscribe: unknown entity "nope"/);
  });

  it('calls back synchronously, before subscribe returns, when withInitialResult is true', () => {
    const state = new HostState(initial());
    const seen: string[] = [];
    state.subscribe('sys', (sys) => seen.push(`callback ${sys!.lang}`), { withInitialResult: true });
    seen.push('returned');
    expect(seen).toEqual(['callback ru', 'returned']);
  });

  it('does not call back at once without withInitialResult', () => {
    const state = new HostState(initial());
    const callback = vi.fn();
    state.subscribe('sys', callback);
    state.subscribe('sys', callback, { withInitialResult: false });
    expect(callback).not.toHaveBeenCalled();
  });

  it('notifies only the subscribers of the entity that changed, with the new snapshot', () => {
    const state = new HostState(initial());
    const onSys = vi.fn();
    const onLead = vi.fn();
    state.subscribe('sys', onSys);
    state.subscribe('lead', onLead);
    state.set('sys', { ...defaultFixture.sys, lang: 'en' });
    expect(onSys).toHaveBeenCalledTimes(1);
    expect(onSys.mock.calls[0]![0]).toMatchObject({ lang: 'en' });
    expect(Object.isFrozen(onSys.mock.calls[0]![0])).toBe(true);
    expect(onLead).not.toHaveBeenCalled();
  });

  it('does not notify when the value did not change', () => {
    const state = new HostState(initial());
    const onSys = vi.fn();
    state.subscribe('sys', onSys);
    expect(state.set('sys', { ...defaultFixture.sys })).toBe(false);
    expect(onSys).not.toHaveBeenCalled();
  });

  it('survives a throwing subscriber: the others still run and the error is reported', () => {
    const errors: unknown[] = [];
    const state = new HostState(initial(), { onSubscriberError: (error) => errors.push(error) });
    const after = vi.fn();
    state.subscribe('sys', () => {
      throw new Error('boom');
    });
    state.subscribe('sys', after);
    state.set('sys', { ...defaultFixture.sys, lang: 'es' });
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('survives a subscriber that throws on its initial result', () => {
    const errors: unknown[] = [];
    const state = new HostState(initial(), { onSubscriberError: (error) => errors.push(error) });
    const off = state.subscribe(
      'sys',
      () => {
        throw new Error('initial');
      },
      { withInitialResult: true },
    );
    expect(typeof off).toBe('function');
    expect(errors).toHaveLength(1);
  });

  it('returns a working unsubscribe, and counts active subscriptions', () => {
    const state = new HostState(initial());
    const callback = vi.fn();
    const off = state.subscribe('lead', callback);
    state.subscribe('lead', callback);
    expect(state.subscriptionCount('lead')).toBe(2);
    off();
    off();
    expect(state.subscriptionCount()).toBe(1);
    state.set('lead', { ...defaultFixture.deals[1]!.lead });
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('refuses a callback that is not a function', () => {
    expect(() => new HostState(initial()).subscribe('sys', 'nope' as never)).toThrow(/callback must be a function, got string/);
  });
});
