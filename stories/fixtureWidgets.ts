/** The workbench's own fixture widgets (tests/fixtures/widgets), served under `_workbench/fixtures/`. */
import type { WidgetSource } from '../src/host/cabinet/createCabinet';
import { widgetFolderUrl } from '../src/preview/widgetFolderStory';
import { FIXTURE_URL_PREFIX } from '../src/common/servedPaths';

export function fixtureWidget(folder: string, name = folder): WidgetSource {
  return { name, script: `${import.meta.env.BASE_URL}${FIXTURE_URL_PREFIX}/${folder}/personal_page.js` };
}

export const helloWorld: WidgetSource = { name: 'hello-world', script: widgetFolderUrl('hello-world') };
