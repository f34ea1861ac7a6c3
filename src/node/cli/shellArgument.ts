/**
 * (Node) A path as the developer can paste it into their shell: plain when it is plain, quoted when
 * it holds a space, `#`, `$`, a quote or anything else a shell reads. `shell-quote` escapes for POSIX
 * shells only; cmd.exe and PowerShell both take a double-quoted path (a path cannot hold `"` there).
 */
export function shellArgument(text: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./\\-]+$/.test(text)) return text;
  if (platform === 'win32') return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
