/** (Node) The stories of a static Storybook build, from its index.json, in id order. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface BuiltStory {
  id: string;
  title: string;
  name: string;
  type: string;
  tags?: string[];
}

/** `order`: how ids are compared (the visual run's committed list was written in localeCompare order). */
export function builtStories(buildDir: string, order: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0)): BuiltStory[] {
  const index = JSON.parse(readFileSync(path.join(buildDir, 'index.json'), 'utf8')) as { entries: Record<string, BuiltStory> };
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .sort((a, b) => order(a.id, b.id));
}
