// The workbench's own browser lookup (src/node/cli/findChromium.ts), for the tests.
export { CHROMIUM_ARGS, findChromium } from '../../src/node/cli/findChromium.ts';
