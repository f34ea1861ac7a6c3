// Wiring only: every story renders a cabinet (src/preview/storyMounts.ts) under the host controls
// and toolbar globals (src/preview/hostControls.ts), with its MSW handlers and backend scenario
// (src/preview/backendLoader.ts), on empty web storage (src/preview/webStorage.ts); its teardown unmounts it. Problems show beside the cabinet
// (src/preview/problemStrip.ts); in a test run afterEach fails a story with an unexpected one.
import type { Preview } from '@storybook/html-vite';
import { backendLoader } from './backendLoader';
import { unhandledRequests } from '../host/backend/unhandledRequests';
import { doctorSweep } from '../host/doctor/sweep';
import { isTestRun } from './isTestRun';
import { installConsoleApi } from './consoleApi';
import { installDeveloperUtils } from '../host/cabinet/developerWidget';
import { findCabinets } from '../host/cabinet/mountedCabinets';
import { checkFailures } from './checkFailures';
import { hostArgTypes, hostGlobalTypes, hostInitialGlobals } from './hostControls';
import { workbenchParameters } from './parameters';
import { renderCabinet } from './renderCabinet';
import { reportStoryProblems, storyTeardown } from './storyMounts';
import { prepareWebStorage, type StorageMode } from './webStorage';
import { primaryModeOnly } from '../common/localeModes';
import { waitForSettled } from './settle';

// window.AMOCRM.developer.addWidget, as in the real client cabinet; window.__amoWorkbench for the console.
installDeveloperUtils();
installConsoleApi();

const preview: Preview = {
  render: renderCabinet,
  globalTypes: hostGlobalTypes,
  initialGlobals: hostInitialGlobals,
  argTypes: hostArgTypes(),
  loaders: [backendLoader],
  beforeEach: async ({ abortSignal, globals, parameters }) => {
    // Web storage as the state seeds it (src/preview/webStorage.ts), before the widget loads.
    await prepareWebStorage(globals.storage as StorageMode | undefined, workbenchParameters(parameters).state?.localStorage);
    return storyTeardown(abortSignal);
  },
  afterEach: async ({ canvasElement, parameters, abortSignal }) => {
    const cabinets = findCabinets(canvasElement);
    await waitForSettled(cabinets, { signal: abortSignal });
    // Switched away (or re-rendered) meanwhile: the story is being torn down, nothing to check.
    if (abortSignal.aborted) return;
    await doctorSweep(cabinets, unhandledRequests(), isTestRun());
    // The manager may have connected after the first report (a cold start): the sidebar status needs this one.
    reportStoryProblems(canvasElement);
    // In the UI nothing is thrown: Storybook's error screen would cover the cabinet, and blame its configuration.
    if (isTestRun()) for (const cabinet of cabinets) await checkFailures(cabinet, workbenchParameters(parameters));
  },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'none' },
    // Chromatic snapshots every story in the primary mode, and stories tagged locale-modes in every
    // mode (src/common/localeModes.ts; VISUAL_MODES=full at build time: all 32).
    chromatic: { modes: primaryModeOnly, pauseAnimationAtEnd: true },
  },
};
export default preview;
