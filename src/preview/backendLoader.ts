/**
 * The project loader: msw-storybook-addon's loader (worker started once, handlers reset and the
 * story's `parameters.msw.handlers` applied), then the story's backend scenario in front of them,
 * and the verification settings the handlers use. Same code in the Storybook UI and the Vitest run.
 */
import type { LoaderFunction } from 'storybook/internal/types';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { SetupWorker } from 'msw/browser';
import { setBackendSettings } from '../host/backend/mocks/backendSettings';
import { assertScenario } from '../common/scenarioNames';
import { releaseHeldRequests, scenarioHandlers } from '../host/backend/mocks/scenarios';
import { DEFAULT_TOKEN_SETTINGS } from '../host/token/tokenSettings';
import { workbenchParameters } from './parameters';
import { startWorkbenchWorker } from '../host/backend/startWorker';
import { clearUnhandledRequests, setUnhandledRequestsAllowed } from '../host/backend/unhandledRequests';
import { clearBackendAnswers } from '../host/backend/requestsInFlight';

// The worker registers while the preview loads the first story, not after: its loader awaits it.
let worker: ReturnType<typeof startWorkbenchWorker> | undefined;
const loadMsw = mswLoader(() => (worker ??= startWorkbenchWorker()));
if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) worker = startWorkbenchWorker();

export const backendLoader: LoaderFunction = async (context) => {
  releaseHeldRequests();
  await loadMsw(context);
  const params = workbenchParameters(context.parameters);
  const scenario = assertScenario(params.backend?.scenario ?? 'success');
  const token = { ...DEFAULT_TOKEN_SETTINGS, ...params.token };
  setBackendSettings({ scenario, delayMs: params.backend?.delayMs, secret: token.secret, audience: token.audience });
  const handlers = scenarioHandlers(scenario);
  if (handlers.length) (context as unknown as { msw: SetupWorker }).msw.use(...handlers);
  clearUnhandledRequests();
  clearBackendAnswers();
  setUnhandledRequestsAllowed(params.allowUnhandledRequests === true);
  return {};
};
