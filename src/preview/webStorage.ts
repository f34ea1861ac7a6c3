/**
 * Every story render starts with the page's web storage empty (or as its state seeds it), so a
 * widget that remembers something (a counter, a collapsed panel, a draft) shows the same picture
 * whatever ran before: an offline capture then matches Chromatic's isolated snapshot. The toolbar's
 * Storage global `keep` leaves storage alone, for testing persistence.
 *
 * The Storybook UI's manager shares this origin's localStorage and sessionStorage in dev and in a
 * static build: its keys (layout, addon settings) are kept, so emptying storage never resets the UI.
 */
export type StorageMode = 'fresh' | 'keep';

/**
 * Keys Storybook's manager and its addons write (its store, the sidebar's recently viewed stories,
 * its router's scroll positions); never the widget's. Exact names where Storybook's are plain words:
 * a widget's `theme` or `sidebar:open` is the widget's (Storybook's own docs use both as examples of
 * an app's keys).
 */
const STORYBOOK_KEY = /^(@storybook\/|storybook|sb[-_:]|@chromatic-com\/|chromatic|react-router-scroll-positions$|lastViewedStoryIds$)/;
/** MSW keeps its WebSocket clients in IndexedDB (and holds it open): the mocking, not the widget's. */
const WORKBENCH_DATABASE = /^msw-/;

export async function prepareWebStorage(mode: StorageMode | undefined, seed?: Record<string, string>): Promise<void> {
  if (mode === 'keep') return;
  for (const storage of [window.localStorage, window.sessionStorage]) {
    for (const key of Object.keys(storage)) if (!STORYBOOK_KEY.test(key)) storage.removeItem(key);
  }
  clearCookies();
  await clearIndexedDb();
  for (const [key, value] of Object.entries(seed ?? {})) window.localStorage.setItem(key, value);
}

/** Every cookie the page can see, expired on each path it could have been set on. */
function clearCookies(): void {
  if (!document.cookie) return;
  const segments = location.pathname.split('/').slice(0, -1);
  const paths = segments.map((_, i) => segments.slice(0, i + 1).join('/') || '/');
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim();
    if (!name) continue;
    for (const path of new Set(['/', ...paths])) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`;
  }
}

/**
 * Deletes every IndexedDB database of the origin but MSW's. A connection the previous story's widget left
 * open blocks the deletion until it closes (it gets `versionchange`); the render does not wait
 * for that longer than a second.
 */
async function clearIndexedDb(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases().catch(() => []);
  await Promise.all(
    databases.flatMap(({ name }) =>
      name && !WORKBENCH_DATABASE.test(name)
        ? [
            new Promise<void>((resolve) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = request.onerror = () => resolve();
              setTimeout(resolve, 1000);
            }),
          ]
        : [],
    ),
  );
}
