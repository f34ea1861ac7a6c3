/**
 * When a page first showed some content, read in the page itself. Playwright's `locator.waitFor`
 * looks again after 0, 20, 50, 100, 100 ms and then every 500 ms, so content that appears 280 ms
 * after the wait began is seen at ~770 ms: the bench's dev-ready and edit times moved in steps of
 * that size. A MutationObserver, installed before any script of the page runs, records the moment
 * the DOM first holds the content instead, on the clock of the machine (epoch ms), so it compares
 * with a time taken in Node.
 */
import type { BrowserContext, Page } from 'playwright';

export interface RenderTarget {
  /** CSS selector of the element that shows the content. */
  css: string;
  /** Text the element holds once rendered: its trimmed text equals it (`exact`) or contains it. */
  text: string;
  exact?: boolean;
}

interface PageWatch {
  arm(target: RenderTarget): void;
  seenAt: number | undefined;
}

/** Installed in every page of the context before the page's own scripts (and their fake clocks). */
function installWatch(initial: RenderTarget | undefined) {
  // A document without an origin of its own (about:blank) has no sessionStorage.
  const storage = () => {
    try {
      return sessionStorage;
    } catch {
      return undefined;
    }
  };
  // The workbench fakes the page's clock for widgets: keep the real one.
  const now = performance.now.bind(performance);
  const origin = performance.timeOrigin;
  let target: RenderTarget | undefined;
  const watch: PageWatch = {
    seenAt: undefined,
    arm(next) {
      target = next;
      // An edit may reload the page: the reloaded page goes on watching for the same content.
      storage()?.setItem('bench-render-target', JSON.stringify(next));
      watch.seenAt = undefined;
      check();
    },
  };
  const check = () => {
    if (!target || watch.seenAt !== undefined) return;
    for (const element of document.querySelectorAll(target.css)) {
      const text = (element.textContent ?? '').trim();
      if (target.exact ? text === target.text : text.includes(target.text)) {
        watch.seenAt = origin + now();
        return;
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  (window as unknown as { __benchRender: PageWatch }).__benchRender = watch;
  const armed = storage()?.getItem('bench-render-target');
  if (armed || initial) watch.arm(armed ? (JSON.parse(armed) as RenderTarget) : initial!);
}

/** Every page of `context` records when `initial` first appears (read with {@link seenAt}). */
export async function watchRenders(context: BrowserContext, initial?: RenderTarget): Promise<void> {
  await context.addInitScript(installWatch, initial);
}

/** Starts watching a page for new content (e.g. before an edit that changes it). */
export async function armRender(page: Page, target: RenderTarget): Promise<void> {
  await page.evaluate((target) => (window as unknown as { __benchRender: PageWatch }).__benchRender.arm(target), target);
}

/** Epoch ms at which the armed content first appeared in the page. */
export async function seenAt(page: Page, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __benchRender: PageWatch }).__benchRender.seenAt, undefined, {
    timeout,
    polling: 50,
  });
  return (await handle.jsonValue()) as number;
}

/** The Node process's time on the same clock as {@link seenAt}. */
export const epochNow = (): number => performance.timeOrigin + performance.now();
