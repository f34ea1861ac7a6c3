/**
 * (Node) Whether `core.builder` becomes the workbench's builder-vite without change detection
 * (index.ts). Its target is builder-vite's `changeDetectionAdapter` export: when builder-vite has
 * none any more, there is nothing to take away, so the patch says so once, naming itself, and
 * Storybook keeps the framework's own builder.
 */
import { besideModule } from '../../besideModule.ts';

export const PATCH_WARNING = '[workbench] patch viteBuilder:';

export function chooseBuilder(builderVite: Record<string, unknown>, warn: (message: string) => void = console.warn): string | undefined {
  if (typeof builderVite.changeDetectionAdapter !== 'function') {
    warn(`${PATCH_WARNING} @storybook/builder-vite exports no changeDetectionAdapter any more; Storybook's own builder is used as it is.`);
    return undefined;
  }
  return besideModule(import.meta.url, './index.ts');
}
