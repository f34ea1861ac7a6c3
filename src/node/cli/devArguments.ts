/** (Node) The dev server's arguments with the workbench's safe defaults: port 6006 and loopback only. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function devArguments(argv: readonly string[]): { args: string[]; host: string; warning?: string } {
  const args = [...argv];
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
