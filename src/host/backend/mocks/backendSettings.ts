/**
 * What the current story says about the widget's backend: the scenario it plays and the token
 * settings requests are verified with. Set by the workbench before each story
 * (src/preview/backendLoader.ts); read by the handlers.
 */
import { CONFIGURED_CLIENT_SECRET, DEFAULT_TOKEN_SETTINGS } from '../../token/tokenSettings';
import type { Scenario } from '../../../common/scenarioNames';

export interface BackendSettings {
  scenario: Scenario;
  /** How long the `slow` scenario holds each response. */
  delayMs: number;
  /** Verification: the client secret and the expected `aud`. */
  secret: string;
  audience: string;
}

export const DEFAULT_BACKEND_SETTINGS: BackendSettings = {
  scenario: 'success',
  delayMs: 2500,
  secret: CONFIGURED_CLIENT_SECRET,
  audience: DEFAULT_TOKEN_SETTINGS.audience,
};

let current: BackendSettings = DEFAULT_BACKEND_SETTINGS;

export function setBackendSettings(settings: Partial<BackendSettings>): BackendSettings {
  const given = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  current = { ...DEFAULT_BACKEND_SETTINGS, ...given };
  return current;
}

export function backendSettings(): BackendSettings {
  return current;
}

/** The scenario the current story plays: handlers branch on it (see scenarioJson). */
export function scenario(): Scenario {
  return current.scenario;
}
