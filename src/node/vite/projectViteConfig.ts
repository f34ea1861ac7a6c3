/**
 * (Node) Which Vite config file Storybook's Vite builder merges into the preview's: the project's
 * (its default) or the workbench's empty one (workbenchViteConfig.ts), for the `amo-workbench`
 * command's configuration.
 */
import type { CoreConfig } from 'storybook/internal/types';
import { besideModule } from '../besideModule.ts';

/**
 * The builder, told to load the workbench's empty Vite config instead of the project's. In
 * `core.builder` rather than the framework's options: Storybook writes those into the static
 * build's iframe.html and project.json, and this is a path of the developer's machine.
 */
export function withoutProjectViteConfig(builder: CoreConfig['builder'], apply: boolean): CoreConfig['builder'] {
  if (!apply || !builder) return builder;
  const viteConfigPath = besideModule(import.meta.url, './workbenchViteConfig.ts');
  // Imported as it is where it is compiled JavaScript (the installed package); bundled by Vite here.
  const configLoader = viteConfigPath.endsWith('.ts') ? 'bundle' : 'native';
  const name = typeof builder === 'string' ? builder : builder.name;
  const current = typeof builder === 'string' ? {} : builder.options;
  return { name, options: { ...current, viteConfigPath, configLoader } } as CoreConfig['builder'];
}
