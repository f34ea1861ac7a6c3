/**
 * Parameters for hand-written stories of a folder in this repository's widgets/ (its i18n titles
 * included). A file of its own so the stories generated for widget folders do not import every
 * repository widget's manifest and i18n files.
 */
import type { RequestHandler } from 'msw';
import { widgetFolderUrl } from './widgetFolderStory';
import type { WorkbenchParameters } from './parameters';

// The manifests and i18n files of this repository's widgets/, for hand-written stories of them.
const repoManifests = import.meta.glob<{ widget?: { name?: string; description?: string } }>('../../widgets/*/manifest.json', {
  eager: true,
  import: 'default',
});
const repoI18n = import.meta.glob<unknown>('../../widgets/*/i18n/*.json', { eager: true, import: 'default' });

export function repoWidgetParameters(name: string, handlers?: RequestHandler[]) {
  const manifest = repoManifests[`../../widgets/${name}/manifest.json`];
  const prefix = `../../widgets/${name}/i18n/`;
  const i18n = Object.fromEntries(
    Object.entries(repoI18n)
      .filter(([file]) => file.startsWith(prefix))
      .map(([file, texts]) => [file.slice(prefix.length).replace(/\.json$/, ''), texts]),
  );
  const workbench: WorkbenchParameters = {
    widgets: [{ name, script: widgetFolderUrl(name), i18n, nameKey: manifest?.widget?.name, descriptionKey: manifest?.widget?.description }],
  };
  return { workbench, msw: { handlers: { widget: handlers ?? [] } } };
}
