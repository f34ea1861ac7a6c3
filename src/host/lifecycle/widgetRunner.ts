/**
 * Drives one widget through the host lifecycle (the contract in docs/host-api.md):
 * load the module once; on entering a deal `initLead({ token })`, awaited if it returns a Promise,
 * then `registerWidgetsBarSlot(el)` on a fresh slot element; on leaving a deal or unmounting, the
 * slot cleanup, then the `initLead` cleanup. Every failure becomes a WidgetFailure shown by the
 * caller; the runner never throws, so one broken widget never breaks the cabinet.
 */
import { GLOBAL_CLASS_NAMES } from '../../common/constants';
import type { AmdContext } from '../amd/amdContext';
import { namedDefinesOf } from '../amd/namedDefines';
import { runInContext } from '../amd/runningContext';
import { REQUIRED_CALLBACKS, type Cleanup, type PersonalPageWidget } from './contract';
import { describeLoadFailure } from './describeLoadFailure';
import { takenElementName } from './takenElementName';
import type { LifecycleLog } from './lifecycleLog';
import { PHASES, type Phase } from './phases';
import { trapScriptErrors } from './scriptErrorTrap';
import { WidgetFailure, messageOf } from './widgetFailure';

export interface WidgetRunnerOptions {
  name: string;
  /** Absolute URL of personal_page.js. */
  scriptUrl: string;
  amd: AmdContext;
  waitSeconds: number;
  log: LifecycleLog;
  /** Where the slot element goes. */
  slotHost: HTMLElement;
  onFailure(failure: WidgetFailure): void;
  /** A contract problem the host tolerates but the widget doctor reports. */
  onFinding?(code: 'bad-callback' | 'async-init-lead', message: string): void;
}

type State = 'idle' | 'loaded' | 'entered' | 'failed';

export class WidgetRunner {
  private module?: PersonalPageWidget;
  private initLeadCleanup?: Cleanup;
  private slotCleanup?: Cleanup;
  private slot?: HTMLElement;
  private state: State = 'idle';

  constructor(private readonly options: WidgetRunnerOptions) {}

  get name(): string {
    return this.options.name;
  }

  get slotElement(): HTMLElement | undefined {
    return this.slot;
  }

  /** initLead has run for the current deal (its cleanups are due). */
  get entered(): boolean {
    return this.state === 'entered';
  }

  /** Loads and evaluates the module (once per cabinet) and checks the contract. */
  async load(): Promise<boolean> {
    const { name, scriptUrl, amd, log } = this.options;
    log.add(name, 'call', 'load', scriptUrl);
    const trap = trapScriptErrors(scriptUrl);
    try {
      const value = await amd.load(scriptUrl);
      this.module = this.checkContract(value);
      this.state = 'loaded';
      log.add(name, 'return', 'load', 'module ready');
      return true;
    } catch (error) {
      const failure =
        error instanceof WidgetFailure
          ? error
          : await describeLoadFailure(error, {
              widget: name,
              scriptUrl,
              unknownIds: amd.unknownIds,
              scriptErrors: trap.errors,
              namedDefines: namedDefinesOf(scriptUrl),
              waitSeconds: this.options.waitSeconds,
            });
      this.state = 'failed';
      this.report(failure);
      return false;
    } finally {
      trap.release();
    }
  }

  /** initLead, then registerWidgetsBarSlot on a fresh slot element. */
  async enter(token: string): Promise<boolean> {
    if (this.state !== 'loaded' || !this.module) return false;
    const { name, log } = this.options;
    const widget = this.module;

    log.add(name, 'call', 'initLead', `token ${token ? `${token.slice(0, 16)}…` : '(empty)'}`);
    let returned: unknown;
    try {
      returned = runInContext(this.options.amd.name, () => widget.initLead({ token }));
    } catch (error) {
      this.report(this.callbackFailure(PHASES.initLead, `initLead threw: ${messageOf(error)}`, error));
      return false;
    }
    if (isPromiseLike(returned)) {
      const warning =
        'initLead returned a Promise: the workbench awaits it and takes its value as the cleanup, ' +
        'but the documented contract expects a function or nothing.';
      log.add(name, 'warning', 'initLead', warning);
      console.warn(`[workbench] ${name}: ${warning}`);
      this.options.onFinding?.(
        'async-init-lead',
        `${name}: initLead returned a Promise; it works in the workbench, but the documented contract expects a cleanup function or nothing.`,
      );
      try {
        returned = await returned;
      } catch (error) {
        this.report(this.callbackFailure(PHASES.initLead, `initLead's Promise rejected: ${messageOf(error)}`, error));
        return false;
      }
    }
    this.initLeadCleanup = this.takeCleanup(PHASES.initLead, returned);
    // Entered from here on: leave() runs the initLead cleanup even if registerWidgetsBarSlot fails.
    this.state = 'entered';

    const slot = document.createElement('div');
    slot.className = GLOBAL_CLASS_NAMES.widgetBarItemContainer;
    slot.dataset.widget = name;
    this.options.slotHost.appendChild(slot);
    this.slot = slot;

    log.add(name, 'call', 'registerWidgetsBarSlot');
    try {
      this.slotCleanup = this.takeCleanup(
        PHASES.registerWidgetsBarSlot,
        runInContext(this.options.amd.name, () => widget.registerWidgetsBarSlot(slot)),
      );
    } catch (error) {
      this.report(this.callbackFailure(PHASES.registerWidgetsBarSlot, `registerWidgetsBarSlot threw: ${messageOf(error)}`, error));
      return false;
    }
    return true;
  }

  /** Slot cleanup, then initLead cleanup; the slot element is removed. Safe to call in any state. */
  leave(): void {
    if (this.state !== 'entered') return;
    this.runCleanup(PHASES.slotCleanup, this.slotCleanup);
    this.slotCleanup = undefined;
    this.slot?.remove();
    this.slot = undefined;
    this.runCleanup(PHASES.initLeadCleanup, this.initLeadCleanup);
    this.initLeadCleanup = undefined;
    this.state = 'loaded';
  }

  private checkContract(value: unknown): PersonalPageWidget {
    const { name } = this.options;
    if (value === null || typeof value !== 'object') {
      throw new WidgetFailure(
        name,
        PHASES.contract,
        `the define() factory returned ${value === null ? 'null' : typeof value}, not an object with callbacks.`,
        'Return { initLead(params) { ... }, registerWidgetsBarSlot(el) { ... } } from the factory.',
      );
    }
    const missing = missingCallbacks(value);
    if (missing.length) {
      const keys = Object.keys(value);
      this.options.onFinding?.('bad-callback', `${name}: the module has no ${missing.join(' and no ')} function (required).`);
      throw new WidgetFailure(
        name,
        PHASES.contract,
        `the module has no ${missing.join(' and no ')} function (required). Its keys: ${keys.length ? keys.join(', ') : 'none'}.`,
        callbacksUnderDefault(value)
          ? 'The callbacks are under "default": the bundle returns its ES module namespace, not the default export. webpack: output.library.export "default"; rollup: output.exports "default"; tsc: export = { ... }.'
          : 'Both initLead and registerWidgetsBarSlot are required callbacks.',
      );
    }
    return value as PersonalPageWidget;
  }

  private takeCleanup(phase: Phase, returned: unknown): Cleanup | undefined {
    const { name, log } = this.options;
    if (typeof returned === 'function') {
      log.add(name, 'return', phase, 'a cleanup function');
      return returned as Cleanup;
    }
    if (returned !== undefined) {
      log.add(name, 'warning', phase, `returned ${typeof returned}; only a cleanup function or nothing is expected. Ignored.`);
      this.options.onFinding?.('bad-callback', `${name}: ${phase} returned ${describe(returned)}; it must return a cleanup function or nothing.`);
    } else {
      log.add(name, 'return', phase, 'nothing');
    }
    return undefined;
  }

  private runCleanup(phase: Phase, cleanup: Cleanup | undefined): void {
    if (!cleanup) return;
    this.options.log.add(this.options.name, 'call', phase);
    try {
      runInContext(this.options.amd.name, cleanup, { cleanup: true });
    } catch (error) {
      this.report(this.callbackFailure(phase, `the ${phase} threw: ${messageOf(error)}`, error));
    }
  }

  private callbackFailure(phase: Phase, cause: string, error: unknown): WidgetFailure {
    const taken = takenElementName(error);
    const hint = taken
      ? `<${taken}> was defined before: by this module at an earlier ${phase} (amoCRM keeps the module and the page's registry across deals), by another widget or by the page. Define it once, when the module loads, or only while customElements.get("${taken}") is empty.`
      : undefined;
    return new WidgetFailure(this.options.name, phase, cause, hint, error);
  }

  private report(failure: WidgetFailure): void {
    this.options.log.add(this.options.name, 'error', failure.phase, failure.reason);
    this.options.onFailure(failure);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${String(value).slice(0, 40)})`;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** Whether the module is a namespace whose default export has the callbacks (`export default` through AMD without unwrapping). */
function callbacksUnderDefault(value: object): boolean {
  const inner = (value as { default?: unknown }).default;
  return typeof inner === 'object' && inner !== null && missingCallbacks(inner).length === 0;
}

/** The required callbacks a module value has no function for. */
function missingCallbacks(value: object): string[] {
  return REQUIRED_CALLBACKS.filter((key) => typeof (value as Record<string, unknown>)[key] !== 'function');
}
