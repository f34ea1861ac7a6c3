/** What a cabinet is made from and what it offers: the types of src/host/cabinet/createCabinet.ts. */
import type { AmdContext } from '../amd/amdContext';
import type { Doctor } from '../doctor/findings';
import type { FixtureSource } from '../fixtures';
import type { LifecycleLog } from '../lifecycle/lifecycleLog';
import type { WidgetFailure } from '../lifecycle/widgetFailure';
import type { HostState } from '../sdk/hostState';
import type { TokenSettings } from '../token';
import type { AddWidgetParams } from './developerWidget';
import type { HostInputs } from './hostInputs';

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
