// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { AmdContext } from '../amd/amdContext';
import { LifecycleLog } from './lifecycleLog';
import { WidgetRunner } from './widgetRunner';
import type { WidgetFailure } from './widgetFailure';

/** A runner around a module object, with every host call and widget callback recorded in order. */
function setup(module: unknown) {
  const order: string[] = [];
  const failures: WidgetFailure[] = [];
  const slotHost = document.createElement('div');
  const log = new LifecycleLog();
  const load = vi.fn(async () => module);
  const amd = { load, unknownIds: new Set<string>() } as unknown as AmdContext;
  const runner = new WidgetRunner({
    name: 'w',
    scriptUrl: 'http://x/w.js',
    amd,
    waitSeconds: 7,
    log,
    slotHost,
    onFailure: (f) => failures.push(f),
  });
  return { runner, order, failures, slotHost, log, load };
}

function recordingWidget(order: string[]) {
  return {
    initLead: vi.fn(({ token }: { token: string }) => {
      order.push(`initLead ${token}`);
      return () => order.push(`initLead cleanup ${token}`);
    }),
    registerWidgetsBarSlot: vi.fn((el: HTMLElement) => {
      order.push(`slot ${el.className}`);
      return () => order.push('slot cleanup');
    }),
  };
}

describe('WidgetRunner lifecycle', () => {
  it('calls initLead, then registerWidgetsBarSlot with a widgetBarItemContainer element', async () => {
    const order: string[] = [];
    const { runner, slotHost, failures } = setup(recordingWidget(order));
    expect(await runner.load()).toBe(true);
    expect(await runner.enter('t1')).toBe(true);
    expect(order).toEqual(['initLead t1', 'slot js-widgets-bar-item-container']);
    expect(slotHost.children).toHaveLength(1);
    expect(runner.slotElement?.parentElement).toBe(slotHost);
    expect(failures).toEqual([]);
  });

  it('on leaving: slot cleanup, then initLead cleanup; then a new initLead on the same module and a fresh slot', async () => {
    const order: string[] = [];
    const widget = recordingWidget(order);
    const { runner, load } = setup(widget);
    await runner.load();
    await runner.enter('t1');
    const firstSlot = runner.slotElement;
    runner.leave();
    expect(firstSlot?.isConnected).toBe(false);
    await runner.enter('t2');
    expect(order).toEqual([
      'initLead t1',
      'slot js-widgets-bar-item-container',
      'slot cleanup',
      'initLead cleanup t1',
      'initLead t2',
      'slot js-widgets-bar-item-container',
    ]);
    expect(runner.slotElement).not.toBe(firstSlot);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('awaits a Promise from initLead before the slot, takes its value as the cleanup, and warns', async () => {
    const order: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let release!: () => void;
    const widget = {
      initLead: () => new Promise<() => void>((resolve) => (release = () => resolve(() => order.push('async cleanup')))),
      registerWidgetsBarSlot: () => void order.push('slot'),
    };
    const { runner, log } = setup(widget);
    await runner.load();
    const entering = runner.enter('t');
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await entering;
    runner.leave();
    expect(order).toEqual(['slot', 'async cleanup']);
    expect(log.entries.some((e) => e.kind === 'warning' && /returned a Promise/.test(e.detail!))).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/outside|documented contract/));
    warn.mockRestore();
  });

  it('accepts callbacks that return nothing', async () => {
    const { runner, failures } = setup({ initLead() {}, registerWidgetsBarSlot() {} });
    await runner.load();
    expect(await runner.enter('t')).toBe(true);
    runner.leave();
    expect(failures).toEqual([]);
  });

  it('reports a missing required callback with the module keys', async () => {
    const { runner, failures } = setup({ initLead() {} });
    expect(await runner.load()).toBe(false);
    expect(failures[0]).toMatchObject({
      phase: 'contract',
      reason: expect.stringMatching(/no registerWidgetsBarSlot function \(required\)\. Its keys: initLead/),
    });
    expect(await runner.enter('t')).toBe(false);
  });

  it('names callbacks found under "default" (an ES module namespace through AMD), with the bundlers\' settings', async () => {
    const { runner, failures } = setup({ __esModule: true, default: { initLead() {}, registerWidgetsBarSlot() {} } });
    expect(await runner.load()).toBe(false);
    expect(failures[0]).toMatchObject({
      phase: 'contract',
      reason: expect.stringMatching(/no initLead and no registerWidgetsBarSlot function \(required\)\. Its keys: __esModule, default/),
      hint: expect.stringMatching(/under "default".*webpack: output\.library\.export "default"; rollup: output\.exports "default"/),
    });
  });

  it('reports a factory that returned nothing', async () => {
    const { runner, failures } = setup(undefined);
    await runner.load();
    expect(failures[0]).toMatchObject({ phase: 'contract', reason: expect.stringMatching(/returned undefined/) });
  });

  it('reports a throwing initLead and renders no slot; the next deal tries again', async () => {
    let calls = 0;
    const { runner, failures, slotHost } = setup({
      initLead() {
        calls += 1;
        if (calls === 1) throw new Error('no token');
      },
      registerWidgetsBarSlot() {},
    });
    await runner.load();
    expect(await runner.enter('t')).toBe(false);
    expect(slotHost.children).toHaveLength(0);
    expect(failures[0]).toMatchObject({ phase: 'initLead', reason: 'initLead threw: no token' });
    runner.leave();
    expect(await runner.enter('t2')).toBe(true);
  });

  it('reports a rejected initLead Promise', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, failures } = setup({ initLead: () => Promise.reject(new Error('401')), registerWidgetsBarSlot() {} });
    await runner.load();
    expect(await runner.enter('t')).toBe(false);
    expect(failures[0]).toMatchObject({ phase: 'initLead', reason: "initLead's Promise rejected: 401" });
    vi.restoreAllMocks();
  });

  it('still runs the initLead cleanup when registerWidgetsBarSlot threw', async () => {
    const order: string[] = [];
    const { runner, failures } = setup({
      initLead: () => () => order.push('initLead cleanup'),
      registerWidgetsBarSlot: () => {
        throw new Error('template');
      },
    });
    await runner.load();
    await runner.enter('t');
    runner.leave();
    expect(failures.map((f) => f.phase)).toEqual(['registerWidgetsBarSlot']);
    expect(order).toEqual(['initLead cleanup']);
  });

  it('reports a throwing cleanup and still runs the other one', async () => {
    const order: string[] = [];
    const { runner, failures } = setup({
      initLead: () => () => order.push('initLead cleanup'),
      registerWidgetsBarSlot: () => () => {
        throw new Error('destroy');
      },
    });
    await runner.load();
    await runner.enter('t');
    runner.leave();
    expect(order).toEqual(['initLead cleanup']);
    expect(failures[0]).toMatchObject({ phase: 'slot cleanup', reason: 'the slot cleanup threw: destroy' });
  });

  it('runs each cleanup once, however often it is asked to leave', async () => {
    const order: string[] = [];
    const { runner } = setup(recordingWidget(order));
    await runner.load();
    await runner.enter('t');
    runner.leave();
    runner.leave();
    expect(order.filter((o) => o.includes('cleanup'))).toEqual(['slot cleanup', 'initLead cleanup t']);
  });

  it('warns about a callback return value that is neither a function nor nothing', async () => {
    const { runner, log, failures } = setup({ initLead: () => 42, registerWidgetsBarSlot: () => 'x' });
    await runner.load();
    await runner.enter('t');
    expect(failures).toEqual([]);
    expect(log.entries.filter((e) => e.kind === 'warning').map((e) => e.event)).toEqual(['initLead', 'registerWidgetsBarSlot']);
  });
});
