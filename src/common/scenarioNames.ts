/** The backend answers a story can pick with `parameters.backend = { scenario }`. */
export const SCENARIOS = [
  'success',
  'slow',
  'loading',
  'empty',
  'expired-token',
  'wrong-secret',
  'forbidden',
  'server-error',
  'malformed-json',
  'network-error',
] as const;

export type Scenario = (typeof SCENARIOS)[number];

export function isScenario(value: unknown): value is Scenario {
  return (SCENARIOS as readonly unknown[]).includes(value);
}

export function assertScenario(value: unknown): Scenario {
  if (!isScenario(value)) {
    throw new Error(`parameters.backend.scenario ${JSON.stringify(value)} is not a scenario. Use one of: ${SCENARIOS.join(', ')}.`);
  }
  return value;
}
