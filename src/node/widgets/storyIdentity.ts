/**
 * (Node) The sidebar entry of each widget folder: a title and a component id that are unique and
 * stable whatever the folder's name. Storybook makes an id from a title by lower-casing it and
 * turning punctuation into `-` (`sanitize`), so `Foo` and `foo`, `a.b` and `a-b` would share one id
 * and break the whole index. A name whose id no other folder shares keeps its title and the id
 * Storybook would give it (`widgets-<name>`); each further folder of a clash gets `<name> (2)`,
 * `(3)`, ... in a fixed order (name by code point, then the folder's place), and a note.
 */
import { createHash } from 'node:crypto';
// csf-utils, not storybook/internal/csf: that index loads storybook/test (Testing Library, aria-query) into Node.
import { sanitize, storyNameFromExport, toId } from 'storybook/internal/csf/csf-utils';

export interface StoryIdentity {
  /** Sidebar title: `<prefix>/<name>` or `<prefix>/<name> (2)`. */
  title: string;
  /** The component id; the story is `<id>--default`. */
  id: string;
  /** The name the folder is shown under: its name, or `<name> (2)`. */
  key: string;
  /**
   * The URL path segment (and the build's folder) the folder's files are served under: the key, or
   * `~` and the id when the key holds a character a static server may leave encoded (`#`, `&`,
   * `?`, ...: sirv, behind `vite preview` and `amo-workbench test`, decodes paths with decodeURI,
   * which keeps `%23` as it is). No plain key has a `~`, so the two kinds never meet.
   */
  segment: string;
  /** The generated CSF file's name: ASCII only, unique, the same on every machine. */
  fileName: string;
  /** Set when the name clashed with another folder's: the title of the folder that kept the plain id. */
  clashesWith?: string;
}

export interface Named {
  name: string;
  /** Where the folder is, as shown to the developer: orders the folders of a clash. */
  place: string;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A story's id, as Storybook's CSF indexer makes it from the component id and the export name. */
export function storyIdOf(componentId: string, exportName: string): string {
  return toId(componentId, storyNameFromExport(exportName));
}

function idOf(prefix: string, name: string): string {
  return sanitize(`${prefix}/${name}`);
}

function fileNameOf(prefix: string, id: string, title: string, filePrefix: string): string {
  const ascii = id.replace(/[^a-z0-9-]/g, '_').slice(0, 60);
  const hash = createHash('sha256').update(`${prefix}\n${title}`).digest('hex').slice(0, 8);
  return `${filePrefix}${ascii}-${hash}.stories.ts`;
}

/** Identities in the order of `folders`. */
export function storyIdentities(folders: readonly Named[], prefix: string, filePrefix = ''): StoryIdentity[] {
  const order = folders.map((_, i) => i).sort((a, b) => byCodePoint(folders[a]!.name, folders[b]!.name) || byCodePoint(folders[a]!.place, folders[b]!.place));
  const plainCount = new Map<string, number>();
  for (const f of folders) plainCount.set(idOf(prefix, f.name), (plainCount.get(idOf(prefix, f.name)) ?? 0) + 1);
  // Ids of names that clash with nothing are reserved first, so a suffix never takes one of them.
  const used = new Set([...plainCount].filter(([, n]) => n === 1).map(([id]) => id));
  const firstOfId = new Map<string, string>();
  const result: StoryIdentity[] = new Array(folders.length);
  for (const i of order) {
    const { name } = folders[i]!;
    const plain = idOf(prefix, name);
    let key = name;
    let id = plain;
    let clashesWith: string | undefined;
    if (plainCount.get(plain) === 1) {
      // keeps its name and Storybook's id
    } else if (!firstOfId.has(plain) && !used.has(plain)) {
      firstOfId.set(plain, `${prefix}/${name}`);
    } else {
      clashesWith = firstOfId.get(plain) ?? `${prefix}/${name}`;
      for (let n = 2; ; n++) {
        key = `${name} (${n})`;
        id = idOf(prefix, key);
        if (!used.has(id) && !plainCount.has(id)) break;
      }
    }
    used.add(id);
    const title = `${prefix}/${key}`;
    const segment = /^[^~#?&;,:@=+$/\\]+$/.test(key) ? key : `~${id}`;
    result[i] = { title, id, key, segment, fileName: fileNameOf(prefix, id, title, filePrefix), ...(clashesWith ? { clashesWith } : {}) };
  }
  return result;
}
