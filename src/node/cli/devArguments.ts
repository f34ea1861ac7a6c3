/**
 * (Node) The dev server's arguments with the workbench's safe defaults: port 6006 and loopback only.
 * Without a terminal to answer on (`interactive: false`: a script, CI, stdin closed), `--ci`:
 * Storybook asks nothing and takes the next free port when the one asked for is taken (it asked,
 * found no answer, and exited with code 0 and no server).
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function devArguments(argv: readonly string[], options: { interactive?: boolean } = {}): { args: string[]; host: string; warning?: string } {
  const args = [...argv];
  if (options.interactive === false && !args.includes('--ci')) args.push('--ci');
  const hostAt = args.findIndex((a) => a === '--host' || a.startsWith('--host='));
  let host = '127.0.0.1';
  if (hostAt < 0) args.push('--host', host);
  else host = args[hostAt]!.includes('=') ? args[hostAt]!.slice('--host='.length) : (args[hostAt + 1] ?? '');
  if (!args.some((a) => a === '-p' || a === '--port' || a.startsWith('--port='))) args.push('-p', '6006');
  const warning = LOOPBACK.has(host)
    ? undefined
    : `[workbench] warning: listening on ${host || 'every interface'}, not this machine only. Anyone who can reach this address can open Storybook and read every served widget folder's files, the widgets' code and mocks, and the client secret the cabinet signs tokens with. Drop --host to keep it on 127.0.0.1.`;
  return { args, host, ...(warning ? { warning } : {}) };
}
