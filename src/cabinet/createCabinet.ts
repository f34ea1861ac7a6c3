/**
 * One mounted cabinet: host state, its own requirejs context, signed tokens, the chrome, and a
 * WidgetRunner per widget. Inputs (controls, toolbar) change host state live, through `apply`;
 * only a change of the active deal runs the deal-switch lifecycle. Every step is serialised, so a
 * click during a slow initLead waits its turn.
 */
import { WIDGET_SDK_PREFIX, createAmdContext, type AmdContext } from '../amd/amdContext';
import { HOST_MODULE_IDS } from '../amd/hostModuleIds';
import { hostLibraries, type LibraryId } from '../amd/hostLibraries';
import { checkCleanups } from '../doctor/checkCleanups';
import { doctoredSdk, type DoctoredSdk } from '../doctor/doctoredSdk';
import { Doctor } from '../doctor/findings';
import { problemsChanged } from '../doctor/problemSignal';
import { forgetResources, installResourceTracking, resourcesOf } from '../doctor/resources';
import { registerOwner } from '../doctor/stackOwner';
import { closestId } from '../lifecycle/closestId';
import { createImportModules } from '../amd/importModules';
import { localizedFixture, resolveFixture, type CabinetFixture, type DealFixture, type FixtureSource } from '../fixtures';
import { LifecycleLog } from '../lifecycle/lifecycleLog';
import { WidgetRunner } from '../lifecycle/widgetRunner';
import type { WidgetFailure } from '../lifecycle/widgetFailure';
import { createInitAmocrmWidgetSdk } from '../sdk/createSdk';
import { HostState } from '../sdk/hostState';
import type { RouterQuery } from '../sdk/models';
import { DEFAULT_TOKEN_SETTINGS, signToken, type TokenSettings } from '../token';
import { createChrome, type WidgetPanel } from './chrome';
import { developerWidgetSource, type AddWidgetParams } from './developerWidget';
import { deriveDeal, deriveSys, type HostInputs } from './hostInputs';

export interface WidgetSource {
  /** Identifies the widget in the accordion, the log and every error. */
  name: string;
  /** URL of personal_page.js; relative URLs resolve against the page. */
  script: string;
  /** The folder's i18n files by language, for the accordion's title and description. */
  i18n?: Record<string, unknown>;
  /** manifest widget.name / widget.description: i18n keys (`widget.name`) or plain text. */
  nameKey?: string;
  descriptionKey?: string;
  /** The token for initLead instead of a signed one (addWidget's `token`; may be empty). */
  token?: string;
}

export interface CabinetOptions {
  /** Identifies the story: part of the requirejs context name and of every token's `jti`. */
  storyId: string;
  widgets: WidgetSource[];
  /** The client: one fixture, or one per language; the default client in the current language when absent. */
  fixture?: FixtureSource;
  /** Controls and toolbar values at mount. */
  inputs?: HostInputs;
  token?: Partial<TokenSettings>;
  /** The workbench clock, in ms (token `iat`); `Date.now`, which stories fake, by default. */
  now?: () => number;
  /** requirejs `waitSeconds` for this cabinet. */
  waitSeconds?: number;
  /** false: only the widgets accordion, without the rest of the chrome. */
  chrome?: boolean;
}

export interface Cabinet {
  readonly element: HTMLElement;
  /** Settles when every widget has been loaded and entered (or has failed). Never rejects. */
  readonly ready: Promise<void>;
  readonly state: HostState;
  readonly log: LifecycleLog;
  readonly failures: readonly WidgetFailure[];
  readonly tokens: readonly string[];
  readonly amd: AmdContext;
  /** The widget doctor's findings for this cabinet's widgets. */
  readonly doctor: Doctor;
  readonly mounted: boolean;
  activeLeadId(): string;
  /** New control/toolbar values: host state changes live; a new `activeLeadId` switches the deal. */
  apply(inputs: HostInputs): Promise<void>;
  /** Runs the deal-switch lifecycle; resolves when the new deal's slots have rendered. */
  switchDeal(leadId: string): Promise<void>;
  /** Resolves once every step queued so far (mount, apply, deal switches) has run. */
  whenIdle(): Promise<void>;
  /**
   * `AMOCRM.developer.addWidget`: shows only the widget at `script` (the story's widgets are set
   * aside) with `token` passed to initLead as given; a deal switch resets it.
   */
  addWidget(params: AddWidgetParams): Promise<void>;
  /** Slot cleanups, then initLead cleanups, then the requirejs context is dropped. */
  unmount(): Promise<void>;
}

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

  const callCounts = new Map<string, number>();
  const tokenFor = async (widget: string): Promise<string> => {
    const callIndex = callCounts.get(widget) ?? 0;
    callCounts.set(widget, callIndex + 1);
    const token = await signToken(tokenSettings, {
      storyId: `${options.storyId}/${widget}`,
      leadId: activeLeadId,
      callIndex,
      nowMs: now(),
    });
    tokens.push(token);
    return token;
  };

  interface Mounted {
    source: WidgetSource;
    runner: WidgetRunner;
    panel: WidgetPanel;
    sdk: DoctoredSdk;
    /** Whose resources the doctor tracks (resources.ts), unique per cabinet. */
    owner: string;
    /** From the first initLead on, subscriptions belong to a deal (before: to the module). */
    markEntered(): void;
    release(): void;
  }
  const mountWidget = (source: WidgetSource): Mounted => {
    const panel = chrome.addWidget(source);
    const scriptUrl = new URL(source.script, document.baseURI).href;
    const key = `w${widgetSdks.size + 1}`;
    let everEntered = false;
    const sdk = doctoredSdk(initAmocrmWidgetSdk, source.name, doctor, () => !everEntered);
    widgetSdks.set(key, sdk);
    amd.mapWidgetSdk(scriptUrl, key);
    const owner = `${amd.name}/${source.name}`;
    const release = registerOwner(scriptUrl, owner);
    /**
     * DOM the widget added while its module was evaluated (a bundle's style-loader <style> in <head>):
     * it lives with the module, across deal switches, as in amoCRM; removed when the module's context ends.
     */
    const moduleNodes = new Set<Node>();
    const runner = new WidgetRunner({
      name: source.name,
      scriptUrl,
      amd,
      waitSeconds,
      log,
      slotHost: panel.slotHost,
      onFailure: (failure) => {
        failures.push(failure);
        panel.showFailure(failure);
        problemsChanged();
        // Only this widget's load failure names its unknown module (the context is shared).
        const unknown = failure.phase === 'load' ? [...amd.unknownIds].filter((id) => failure.reason.includes(`"${id}"`)) : [];
        for (const id of unknown) {
          const near = closestId(id, HOST_MODULE_IDS);
          doctor.report(
            'unknown-module',
            source.name,
            `${source.name} defines a dependency on "${id}", which the host does not provide${near ? `; the closest provided id is "${near}"` : ''}.`,
          );
        }
      },
      onFinding: (code, message) => doctor.report(code, source.name, message),
    });
    return {
      source,
      runner,
      panel,
      sdk,
      owner,
      markEntered: () => {
        if (everEntered) return;
        everEntered = true;
        const { nodes } = resourcesOf(owner);
        for (const node of nodes) moduleNodes.add(node);
        nodes.clear();
      },
      release: () => {
        release();
        forgetResources(owner);
        for (const node of moduleNodes) if (node.parentNode) node.parentNode.removeChild(node);
        moduleNodes.clear();
      },
    };
  };
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
  const leaveAll = (moment: string) => {
    for (const mounted of widgets) {
      const wasEntered = mounted.runner.entered;
      mounted.runner.leave();
      if (wasEntered) examine(mounted, moment);
    }
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
    leaveAll('on a deal switch');
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
        leaveAll('when a widget was added by URL');
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
      enqueue(() => {
        if (!mounted) return;
        mounted = false;
        leaveAll('on unmount');
        for (const w of [...widgets, ...(setAside ?? [])]) w.release();
        amd.destroy();
        chrome.root.remove();
      }),
  };
  return cabinet;
}

function findDeal(fixture: CabinetFixture, leadId: string): DealFixture {
  const deal = fixture.deals.find((d) => d.lead.id === leadId);
  if (!deal) {
    throw new Error(`No deal ${leadId} in this cabinet. Deals: ${fixture.deals.map((d) => d.lead.id).join(', ')}.`);
  }
  return deal;
}
