// Wiring only: every story renders a cabinet (src/story/renderCabinet.ts); its teardown unmounts
// it; afterEach fails a story whose widgets failed unexpectedly.
import type { Preview } from '@storybook/html-vite';
import { findCabinet, unmountAllCabinets } from '../src/cabinet/mountedCabinets';
import { checkFailures } from '../src/story/checkFailures';
import { workbenchParameters } from '../src/story/parameters';
import { renderCabinet } from '../src/story/renderCabinet';

const preview: Preview = {
  render: renderCabinet,
  beforeEach: () => () => unmountAllCabinets(),
  afterEach: async ({ canvasElement, parameters }) => {
    const cabinet = findCabinet(canvasElement);
    if (cabinet) await checkFailures(cabinet, workbenchParameters(parameters));
  },
  parameters: {
    layout: 'fullscreen',
  },
};
export default preview;
