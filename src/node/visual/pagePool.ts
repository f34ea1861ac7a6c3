/**
 * Pages the visual runs capture with, each in a browser context of its own (its own web storage,
 * so two stories rendering at once never share a widget's localStorage). `use` waits for a free page.
 */
import { availableParallelism } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright';
import { visualContext } from './visualBrowser.ts';

export interface PagePool {
  size: number;
  use<T>(work: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How many pages capture at once: VISUAL_PAGES, else one per core up to four (docs/performance.md has the measurements). */
export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.VISUAL_PAGES);
  return Number.isInteger(given) && given > 0 ? given : Math.min(4, Math.max(1, availableParallelism()));
}

export async function pagePool(browser: Browser, size = poolSize()): Promise<PagePool> {
  const contexts: BrowserContext[] = [];
  const free: Page[] = [];
  for (let i = 0; i < size; i++) {
    const context = await visualContext(browser);
    contexts.push(context);
    free.push(await context.newPage());
  }
  const waiting: Array<(page: Page) => void> = [];
  const release = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else free.push(page);
  };
  return {
    size,
    async use(work) {
      const page = free.pop() ?? (await new Promise<Page>((resolve) => waiting.push(resolve)));
      try {
        return await work(page);
      } finally {
        release(page);
      }
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
    },
  };
}
