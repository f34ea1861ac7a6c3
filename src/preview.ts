// Wiring only: every story renders a cabinet (src/story/storyMounts.ts) under the host controls
// and toolbar globals (src/story/hostControls.ts), with its MSW handlers and backend scenario
// (src/backend/backendLoader.ts), on empty web storage (src/story/webStorage.ts); its teardown unmounts it. Problems show beside the cabinet
// (src/story/problemStrip.ts); in a test run afterEach fails a story with an unexpected one.
import type { Preview } from '@storybook/html-vite';
import { backendLoader } from './backend/backendLoader';
import { unhandledRequests } from './backend/unhandledRequests';
import { doctorSweep } from './doctor/sweep';
import { isTestRun } from './story/isTestRun';
import { installConsoleApi } from './story/consoleApi';
import { installDeveloperUtils } from './cabinet/developerWidget';
import { findCabinets } from './cabinet/mountedCabinets';
import { checkFailures } from './story/checkFailures';
import { hostArgTypes, hostGlobalTypes, hostInitialGlobals } from './story/hostControls';
import { workbenchParameters } from './story/parameters';
import { renderCabinet } from './story/renderCabinet';
import { reportStoryProblems, storyTeardown } from './story/storyMounts';
import { prepareWebStorage, type StorageMode } from './story/webStorage';
import { primaryModeOnly } from './visual/localeModes';
import { waitForSettled } from './visual/settle';

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
    // Web storage as the state seeds it (src/story/webStorage.ts), before the widget loads.
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
    // mode (src/visual/localeModes.ts; VISUAL_MODES=full at build time: all 32).
    chromatic: { modes: primaryModeOnly, pauseAnimationAtEnd: true },
  },
};
export default preview;
