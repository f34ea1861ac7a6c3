/** The workbench's own fixture widgets (tests/fixtures/widgets), served under `fixtures/`. */
import type { WidgetSource } from '../src/cabinet/createCabinet';
import { widgetFolderUrl } from '../src/story/widgetFolderStory';

export function fixtureWidget(folder: string, name = folder): WidgetSource {
  return { name, script: `${import.meta.env.BASE_URL}fixtures/${folder}/personal_page.js` };
}

export const helloWorld: WidgetSource = { name: 'hello-world', script: widgetFolderUrl('hello-world') };
