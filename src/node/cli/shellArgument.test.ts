import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellArgument } from './shellArgument';

describe('shellArgument', () => {
  it('leaves a plain path as it is', () => {
    expect(shellArgument('widgets/my-widget_2')).toBe('widgets/my-widget_2');
    expect(shellArgument('C:\\widgets\\my-widget', 'win32')).toBe('C:\\widgets\\my-widget');
  });

  it('quotes what a shell would split, comment out or expand', () => {
    expect(shellArgument('widgets/Мой виджет #1', 'linux')).toBe("'widgets/Мой виджет #1'");
    expect(shellArgument('widgets/Мой виджет #1', 'win32')).toBe('"widgets/Мой виджет #1"');
    expect(shellArgument("it's $HOME", 'darwin')).toBe("'it'\\''s $HOME'");
  });

  it('reaches a POSIX shell as the same text', () => {
    for (const text of ['widgets/Мой виджет #1', 'it\'s $HOME `x` \\ "q"', 'a;b&&c|d > e']) {
      expect(execFileSync('/bin/sh', ['-c', `printf %s ${shellArgument(text, 'linux')}`], { encoding: 'utf8' })).toBe(text);
    }
  });
});
