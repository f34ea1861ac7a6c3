// The workbench's static-site server (src/cli/serveFolder.ts), for the tests.
export { serveFolder, type ServedFolder } from '../../src/cli/serveFolder.ts';
