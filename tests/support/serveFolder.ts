// The workbench's static-site server (src/node/cli/serveFolder.ts), for the tests.
export { serveFolder, type ServedFolder } from '../../src/node/cli/serveFolder.ts';
