/**
 * (Node) `amo-workbench test`'s line per widget folder with warnings. A warning never fails a story
 * (a widget in progress stays testable), and the strip that shows it is not on screen in a test run:
 * without this line a stylesheet nothing loads, or an archive the upload form would refuse, went
 * unnoticed until `validate`. Errors need no line of their own: each fails the folder's stories.
 */
import path from 'node:path';
import type { WidgetFolder } from '../widgets/readWidgetFolder.ts';
import { shellArgument } from './shellArgument.ts';

export function folderWarnings(widgets: readonly WidgetFolder[], cwd: string): string[] {
  return widgets.flatMap((widget) => {
    const warnings = widget.problems.filter((p) => p.severity === 'warning' && p.upload !== 'note');
    if (!warnings.length) return [];
    const codes = [...new Set(warnings.map((p) => p.code))];
    const count = warnings.length;
    const folder = shellArgument(path.relative(cwd, widget.dir) || '.');
    return [`${folder}: ${count} warning${count === 1 ? '' : 's'} (${codes.join(', ')}); \`amo-workbench validate ${folder}\` says what to do.`];
  });
}
