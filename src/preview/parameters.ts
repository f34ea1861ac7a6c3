/** What a story tells the workbench, under `parameters.workbench`. */
import type { WidgetSource } from '../host/cabinet/createCabinet';
import type { FixtureSource } from '../host/fixtures/cabinetFixture';
import type { Phase } from '../host/lifecycle/phases';
import type { TokenSettings } from '../host/token/tokenSettings';
import type { Scenario } from '../common/scenarioNames';
import type { FolderProblem, FolderProblemCode } from '../common/folderProblem';
import type { FindingCode } from '../host/doctor/findings';
import type { StateSpec } from '../common/stateSpec';

export interface WorkbenchParameters {
  /** The widgets this story mounts in the cabinet. */
  widgets?: WidgetSource[];
  /** The client: a fixture, or a function of the language; the default four-language client otherwise. */
  fixture?: FixtureSource;
  token?: Partial<TokenSettings>;
  /** Workbench clock start (ISO date); 2026-03-16T09:41:00Z by default. */
  clockStart?: string;
  /** false: the widgets accordion alone, without the cabinet's chrome. */
  chrome?: boolean;
  /** requirejs waitSeconds. */
  waitSeconds?: number;
  /**
   * The failures this story shows on purpose, by phase. Any other failure fails the story's test;
   * so does an expected one that does not happen.
   */
  expectFailures?: Phase[];
  /** The widget backend's answers (src/host/backend/mocks/scenarios.ts); `success` by default. */
  backend?: { scenario?: Scenario; delayMs?: number };
  /** Problems of the widget folder behind the story, shown above the cabinet; they fail the test. */
  folderProblems?: FolderProblem[];
  /** The folder problems a story shows on purpose (fixture folders). */
  expectProblems?: FolderProblemCode[];
  /** Widget doctor findings the story shows on purpose (by code); any other fails its test. */
  doctor?: FindingCode[];
  /** The widget state this story shows (a widget folder's generated state stories). */
  state?: StateSpec;
  /** Backend requests no handler answers fail the story's test unless this is true. */
  allowUnhandledRequests?: boolean;
}

export function workbenchParameters(parameters: Record<string, unknown>): WorkbenchParameters {
  return (parameters.workbench ?? {}) as WorkbenchParameters;
}
