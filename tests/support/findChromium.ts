// The workbench's own browser lookup (src/cli/findChromium.ts), for the tests.
export { CHROMIUM_ARGS, findChromium } from '../../src/cli/findChromium.ts';
