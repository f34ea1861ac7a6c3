/**
 * Helpers for mocked widget backends, importable from any widget folder (also outside this
 * repository) as `@amocrm-workbench/mocks`:
 *
 *   import { http } from 'msw';
 *   import { withVerifiedToken, scenarioJson } from '@amocrm-workbench/mocks';
 *   export const handlers = [
 *     http.get('https://my-backend.example/api/items', withVerifiedToken(({ claims }) =>
 *       scenarioJson({ success: { items: [...] }, empty: { items: [] } }))),
 *   ];
 */
export { SCENARIOS, isScenario, assertScenario, type Scenario } from '../../../common/scenarioNames';
export { scenario, backendSettings, setBackendSettings, DEFAULT_BACKEND_SETTINGS, type BackendSettings } from './backendSettings';
export { verifyRequest, withVerifiedToken, tokenOf, type VerifiedRequest } from './verifyRequest';
export { scenarioHandlers, scenarioJson, tokenSettingsFor } from './scenarios';
export { isBackendRequest } from './isBackendRequest';
export type { DisposableTokenClaims } from '../../token/tokenSettings';
