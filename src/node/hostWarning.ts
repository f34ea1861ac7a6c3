/**
 * (Node) `storybook dev` started directly without --host listens on every network interface;
 * `npm run storybook` (scripts/storybook.mjs) adds `--host 127.0.0.1`. One line says so, so
 * a developer who runs the binary directly knows what they expose.
 */
export function openHostWarning(argv: readonly string[] = process.argv): string | undefined {
  if (!argv.slice(2).includes('dev')) return undefined;
  if (argv.some((a) => a === '--host' || a.startsWith('--host='))) return undefined;
  return '[workbench] warning: storybook dev without --host listens on every network interface: anyone on this network can read the served widget folders and the client secret. Use `npm run storybook` or add --host 127.0.0.1.';
}
