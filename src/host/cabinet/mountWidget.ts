/**
 * One widget of a cabinet: its panel in the accordion, its doctored SDK mapped for its script, the
 * doctor's ownership of what it adds, and the WidgetRunner that loads it and runs its lifecycle.
 */
import { type AmdContext } from '../amd/amdContext';
import { doctoredSdk, type DoctoredSdk } from '../doctor/doctoredSdk';
import type { Doctor } from '../doctor/findings';
import { problemsChanged } from '../doctor/problemSignal';
import { emptyHeld, letGo, releaseResources, takeModuleHeld } from '../doctor/resources';
import { registerOwner } from '../doctor/stackOwner';
import { trackUncaughtErrors } from '../doctor/uncaughtErrors';
import { watchWorkers } from '../doctor/workers';
import { forgetNewBundlerGlobals } from './bundlerGlobals';
import { unknownModuleAdvice } from '../lifecycle/unknownModuleAdvice';
import type { LifecycleLog } from '../lifecycle/lifecycleLog';
import { WidgetRunner } from '../lifecycle/widgetRunner';
import type { WidgetFailure } from '../lifecycle/widgetFailure';
import type { createInitAmocrmWidgetSdk } from '../sdk/createSdk';
import type { WidgetSource } from './cabinetTypes';
import type { Chrome, WidgetPanel } from './chrome';

/** What the cabinet shares with each of its widgets. */
export interface MountContext {
  chrome: Chrome;
  amd: AmdContext;
  doctor: Doctor;
  /** The doctored SDK of each widget, by the key its script's `amocrm-sdk` is mapped to. */
  widgetSdks: Map<string, DoctoredSdk>;
  initAmocrmWidgetSdk: ReturnType<typeof createInitAmocrmWidgetSdk>;
  waitSeconds: number;
  log: LifecycleLog;
  /** The cabinet's failures: a widget's are appended. */
  failures: WidgetFailure[];
}

export interface Mounted {
  source: WidgetSource;
  runner: WidgetRunner;
  panel: WidgetPanel;
  sdk: DoctoredSdk;
  /** Whose resources the doctor tracks (resources.ts), unique per cabinet. */
  owner: string;
  /** The widget's script, absolute. */
  scriptUrl: string;
  /** From the first initLead on, subscriptions belong to a deal (before: to the module). */
  markEntered(): void;
  release(): void;
}
export function mountCabinetWidget(
  source: WidgetSource,
  { chrome, amd, doctor, widgetSdks, initAmocrmWidgetSdk, waitSeconds, log, failures }: MountContext,
): Mounted {
  const panel = chrome.addWidget(source);
  const scriptUrl = new URL(source.script, document.baseURI).href;
  const key = `w${widgetSdks.size + 1}`;
  let everEntered = false;
  const sdk = doctoredSdk(initAmocrmWidgetSdk, source.name, doctor, () => !everEntered);
  widgetSdks.set(key, sdk);
  amd.mapWidgetSdk(scriptUrl, key);
  const owner = `${amd.name}/${source.name}`;
  const release = registerOwner(scriptUrl, owner);
  const stopWatchingWorkers = watchWorkers(owner, { widget: source.name, scriptUrl, report: (code, message) => doctor.report(code, source.name, message) });
  const forgetBundlerGlobals = forgetNewBundlerGlobals();
  // From the first initLead on: an error while the script loads is the runner's (a load failure).
  let stopErrorTracking = () => {};
  /**
   * What the widget took while its module was evaluated: DOM (a bundle's style-loader <style> in
   * <head>), sockets, window listeners and timers (socket.io's engine listens for `offline` and
   * `pagehide` from its module's first run). They live with the module, across deal switches, as in
   * amoCRM; let go when the module's context ends.
   */
  const moduleHeld = emptyHeld();
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
        const near = unknownModuleAdvice(id).suggestion;
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
    scriptUrl,
    markEntered: () => {
      if (everEntered) return;
      everEntered = true;
      stopErrorTracking = trackUncaughtErrors(scriptUrl, source.name, (message) => doctor.report('uncaught-error', source.name, message));
      takeModuleHeld(owner, moduleHeld);
    },
    release: () => {
      // First, while the widget's code is still known by its script: the late timeouts it runs
      // there must be told apart (releaseResources).
      releaseResources(owner);
      release();
      stopWatchingWorkers();
      stopErrorTracking();
      forgetBundlerGlobals();
      letGo(moduleHeld);
    },
  };
}
