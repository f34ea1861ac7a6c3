/**
 * Whether Storybook loads Chromatic's "Visual tests" addon (@chromatic-com/storybook). Its preset
 * loads the Chromatic CLI to read chromatic.config.json at every server start, which costs about
 * 0.6 s of `storybook dev` start and 0.25 s of `storybook build` on a 2-core machine (npm run bench),
 * and the panel is only useful to a project linked to Chromatic. So it loads when the project is:
 * a `projectId` in chromatic.config.json (the addon writes it there when you link a project) or a
 * CHROMATIC_PROJECT_TOKEN in the environment. STORYBOOK_VISUAL_TESTS=1 turns it on (to link a
 * project from the panel), =0 off. `npm run chromatic` and the stories' modes work either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const VISUAL_TESTS_ADDON = '@chromatic-com/storybook';

export type VisualTestsReason = 'forced on' | 'forced off' | 'projectId in chromatic.config.json' | 'CHROMATIC_PROJECT_TOKEN' | 'not linked';

export function visualTestsAddon(root: string, env: NodeJS.ProcessEnv): { load: boolean; reason: VisualTestsReason } {
  const forced = env.STORYBOOK_VISUAL_TESTS;
  if (forced === '1' || forced === 'true') return { load: true, reason: 'forced on' };
  if (forced === '0' || forced === 'false') return { load: false, reason: 'forced off' };
  if (env.CHROMATIC_PROJECT_TOKEN) return { load: true, reason: 'CHROMATIC_PROJECT_TOKEN' };
  return linkedProjectId(root) ? { load: true, reason: 'projectId in chromatic.config.json' } : { load: false, reason: 'not linked' };
}

function linkedProjectId(root: string): string | undefined {
  const file = path.join(root, 'chromatic.config.json');
  if (!existsSync(file)) return undefined;
  try {
    const config = JSON.parse(readFileSync(file, 'utf8')) as { projectId?: unknown };
    return typeof config.projectId === 'string' && config.projectId ? config.projectId : undefined;
  } catch (error) {
    // The Chromatic CLI reports a broken config file with its own message; the addon cannot use it.
    console.warn(`[workbench] chromatic.config.json is not valid JSON (${(error as Error).message}); the Visual tests addon stays off.`);
    return undefined;
  }
}
