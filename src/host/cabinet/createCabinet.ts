/**
 * One mounted cabinet: host state, its own requirejs context, signed tokens, the chrome, and a
 * WidgetRunner per widget. Inputs (controls, toolbar) change host state live, through `apply`;
 * only a change of the active deal runs the deal-switch lifecycle. Every step is serialised, so a
 * click during a slow initLead waits its turn. Composition only: the types are in cabinetTypes.ts,
 * token issuing in tokenIssuer.ts, a widget's mounting in mountWidget.ts.
 */

import { WIDGET_SDK_PREFIX, createAmdContext, type AmdContext } from '../amd/amdContext';
import { moduleNotLoadedMessage } from '../doctor/moduleNotLoaded';
import { inScriptFolder } from '../doctor/stackOwner';
import { hostLibraries, type LibraryId } from '../amd/hostLibraries';
import { checkCleanups } from '../doctor/checkCleanups';
import type { DoctoredSdk } from '../doctor/doctoredSdk';
import { Doctor } from '../doctor/findings';
import { connectionsSettled, installResourceTracking, resourcesOf, silenceConnectionEnds } from '../doctor/resources';
import { createImportModules } from '../amd/importModules';
import { localizedFixture, resolveFixture, type CabinetFixture, type DealFixture } from '../fixtures';
import { LifecycleLog } from '../lifecycle/lifecycleLog';
import type { WidgetFailure } from '../lifecycle/widgetFailure';
import { createInitAmocrmWidgetSdk } from '../sdk/createSdk';
import { HostState } from '../sdk/hostState';
import type { RouterQuery } from '../sdk/models';
import { DEFAULT_TOKEN_SETTINGS, type TokenSettings } from '../token';
import type { Cabinet, CabinetOptions, WidgetSource } from './cabinetTypes';
import { createChrome } from './chrome';
import { mountCabinetWidget, type Mounted } from './mountWidget';
import { tokenIssuer } from './tokenIssuer';
import { developerWidgetSource } from './developerWidget';
import { guardCustomElementDefines } from './customElementDefines';
import { deriveDeal, deriveSys, type HostInputs } from './hostInputs';

export type { Cabinet, CabinetOptions, WidgetSource } from './cabinetTypes';

let cabinetCount = 0;

export function createCabinet(options: CabinetOptions): Cabinet {
  const source = options.fixture ?? localizedFixture;
  let inputs: HostInputs = options.inputs ?? {};
  /** The client as the current language tells it (ids are the same in every language). */
  const fixtureNow = (): CabinetFixture => {
    const fixture = resolveFixture(source, inputs.lang ?? (typeof source === 'function' ? 'ru' : source.sys.lang));
    if (!fixture.deals.length) throw new Error('Cabinet fixture: a client needs at least one deal.');
    return fixture;
  };
  let fixture = fixtureNow();
  const now = options.now ?? (() => Date.now());
  const tokenSettings: TokenSettings = { ...DEFAULT_TOKEN_SETTINGS, accountId: Number(fixture.accountId), ...options.token };
  const waitSeconds = options.waitSeconds ?? 7;
  let activeLeadId = findDeal(fixture, inputs.activeLeadId ?? fixture.activeLeadId ?? fixture.deals[0]!.lead.id).lead.id;
  const activeDeal = (): DealFixture => findDeal(fixture, activeLeadId);

  const log = new LifecycleLog();
  const doctor = new Doctor();
  installResourceTracking();
  guardCustomElementDefines();
  const widgetSdks = new Map<string, DoctoredSdk>();
  const failures: WidgetFailure[] = [];
  const tokens: string[] = [];
  const initialDeal = deriveDeal(activeDeal(), fixture, inputs);
  const state = new HostState(
    { sys: deriveSys(fixture.sys, inputs), lead: initialDeal.lead, leadFields: initialDeal.fields, authors: fixture.authors },
    {
      onSubscriberError: (error, entity) => {
        log.add('host', 'error', 'subscribe', `a subscriber of "${entity}" threw: ${String(error)}`);
        console.error(`[amocrm-sdk] a subscriber of "${entity}" threw:`, error);
      },
    },
  );
  const routerQuery = (): RouterQuery => ({ leadId: activeLeadId, accountId: fixture.accountId });
  const initAmocrmWidgetSdk = createInitAmocrmWidgetSdk({ state, routerQuery });

  const amd: AmdContext = createAmdContext({
    name: `cabinet-${++cabinetCount}-${options.storyId}`,
    waitSeconds,
    // A module a widget required later that did not load (its own script's failure is the runner's).
    onScriptError: (_id, url) => {
      if (widgets.some((w) => w.scriptUrl === url)) return;
      const widget = widgets.find((w) => inScriptFolder(w.scriptUrl, url) !== undefined) ?? (widgets.length === 1 ? widgets[0] : undefined);
      if (widget) doctor.report('module-not-loaded', widget.source.name, moduleNotLoadedMessage(widget.source.name, widget.scriptUrl, url));
    },
    resolveHostModule: async (id) => {
      if (id.startsWith(WIDGET_SDK_PREFIX)) return widgetSdks.get(id.slice(WIDGET_SDK_PREFIX.length))!.init;
      if (id === 'amocrm-sdk') return initAmocrmWidgetSdk;
      if (id === 'import-modules') return createImportModules(amd.require);
      return hostLibraries[id as LibraryId]();
    },
  });

  const chrome = createChrome({ onSelectDeal: (leadId) => void cabinet.switchDeal(leadId), chrome: options.chrome });
  const renderChrome = () =>
    chrome.render({
      sys: state.get('sys')!,
      lead: state.get('lead')!,
      fields: state.get('leadFields')!,
      authors: state.get('authors')!,
      deals: fixture.deals.map((deal) => ({ id: deal.lead.id, name: deal.name })),
      contactNames: fixture.contactNames ?? {},
      conversation: fixture.conversation ?? [],
    });
  renderChrome();

  /** Writes the derived state; subscribers of an entity hear about it only if it changed. */
  const writeState = () => {
    fixture = fixtureNow();
    const derived = deriveDeal(activeDeal(), fixture, inputs);
    state.set('sys', deriveSys(fixture.sys, inputs));
    state.set('lead', derived.lead);
    state.set('leadFields', derived.fields);
    state.set('authors', fixture.authors);
    renderChrome();
  };

  const tokenFor = tokenIssuer({ settings: tokenSettings, storyId: options.storyId, leadId: () => activeLeadId, now, issued: tokens });

  const mountWidget = (source: WidgetSource): Mounted =>
    mountCabinetWidget(source, { chrome, amd, doctor, widgetSdks, initAmocrmWidgetSdk, waitSeconds, log, failures });
  /** After a widget's cleanups: what it still holds is a leak (checkCleanups). */
  const examine = (mounted: Mounted, moment: string) =>
    checkCleanups(mounted.source.name, moment, { subscriptions: mounted.sdk.activeSubscriptions(), resources: resourcesOf(mounted.owner) }, doctor);
  let widgets: Mounted[] = options.widgets.map(mountWidget);
  /** The story's widgets, set aside while a widget added by URL is shown. */
  let setAside: Mounted[] | undefined;

  const enterAll = async () => {
    for (const mounted of widgets) {
      mounted.markEntered();
      await mounted.runner.enter(mounted.source.token ?? (await tokenFor(mounted.runner.name)));
    }
  };
  /** `ending`: the story is over, and the widgets hear none of their sockets end from then on. */
  const leaveAll = async (moment: string, ending = false) => {
    const left: Mounted[] = [];
    for (const mounted of widgets) {
      if (mounted.runner.entered) left.push(mounted);
      mounted.runner.leave();
      if (ending) silenceConnectionEnds(mounted.owner);
    }
    if (!left.length) return;
    // What a cleanup started finishes before the check: socket.io's disconnect() sends its close
    // packet and closes the socket, removing its window listeners, a microtask later, or once a
    // socket still connecting has opened; other libraries take a 0 ms timeout. Only then is what the
    // widget holds a leak.
    await nextTask();
    const owners = left.map((mounted) => mounted.owner);
    if (await connectionsSettled(owners, SOCKET_SETTLE_MS)) await nextTask();
    for (const mounted of left) examine(mounted, moment);
  };

  // Every lifecycle step goes through this queue, in order.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void> | void): Promise<void> => {
    const run = queue.then(step);
    queue = run.catch(() => undefined); // a failed step must not block the ones after it
    return run;
  };
  let mounted = true;

  const switchTo = async (next: DealFixture) => {
    await leaveAll('on a deal switch');
    if (setAside) {
      // As in the real host, a deal switch resets a widget added by URL: the story's widgets return.
      for (const { panel } of widgets) panel.remove();
      widgets = setAside;
      setAside = undefined;
      for (const { panel } of widgets) panel.restore();
    }
    activeLeadId = next.lead.id;
    writeState();
    await enterAll();
  };

  const ready = enqueue(async () => {
    // One after the other: the log (and its snapshot) reads the same on every run.
    for (const { runner } of widgets) await runner.load();
    await enterAll();
  }).catch((error: unknown) => {
    // Runners report their own failures; this is the host itself failing (e.g. token signing).
    log.add('host', 'error', 'mount', String(error));
    console.error('[workbench] the cabinet failed to mount:', error);
  });

  const cabinet: Cabinet = {
    element: chrome.root,
    ready,
    state,
    log,
    failures,
    tokens,
    amd,
    doctor,
    get mounted() {
      return mounted;
    },
    activeLeadId: () => activeLeadId,
    apply: (next) =>
      enqueue(async () => {
        if (!mounted) return;
        const dealChanged = next.activeLeadId !== undefined && next.activeLeadId !== inputs.activeLeadId;
        inputs = next;
        if (dealChanged && next.activeLeadId !== activeLeadId) await switchTo(findDeal(fixtureNow(), next.activeLeadId!));
        else writeState();
      }),
    switchDeal: (leadId) =>
      enqueue(async () => {
        if (!mounted || leadId === activeLeadId) return;
        await switchTo(findDeal(fixture, leadId));
      }),
    whenIdle: () => queue,
    addWidget: (params) => {
      const source = developerWidgetSource(params);
      return enqueue(async () => {
        if (!mounted) return;
        await leaveAll('when a widget was added by URL');
        for (const { panel } of widgets) panel.remove();
        setAside ??= widgets;
        const added = mountWidget(source);
        widgets = [added];
        log.add(source.name, 'info', 'addWidget', `token ${source.token ? 'given' : '(empty)'}`);
        if (await added.runner.load()) {
          added.markEntered();
          await added.runner.enter(source.token!);
        }
      });
    },
    unmount: () =>
      enqueue(async () => {
        if (!mounted) return;
        mounted = false;
        await leaveAll('on unmount', true);
        for (const w of [...widgets, ...(setAside ?? [])]) w.release();
        amd.destroy();
        chrome.root.remove();
      }),
  };
  return cabinet;
}

/** How long the check after a cleanup waits for a socket that is still connecting to open or fail. */
const SOCKET_SETTLE_MS = 1000;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function findDeal(fixture: CabinetFixture, leadId: string): DealFixture {
  const deal = fixture.deals.find((d) => d.lead.id === leadId);
  if (!deal) {
    throw new Error(`No deal ${leadId} in this cabinet. Deals: ${fixture.deals.map((d) => d.lead.id).join(', ')}.`);
  }
  return deal;
}
