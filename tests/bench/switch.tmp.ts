import { chromium } from 'playwright';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from '../support/findChromium';
import { serveFolder } from '../support/serveFolder';
const site = await serveFolder('/tmp/prof/sb-out');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.addInitScript('window.__name = (fn) => fn; const g = navigator.serviceWorker.getRegistrations.bind(navigator.serviceWorker); navigator.serviceWorker.getRegistrations = () => { console.error("LOAD-DBG getRegistrations controller=" + !!navigator.serviceWorker.controller + " " + new Error().stack.split("\\n").slice(1,6).join(" | ")); return g(); };');
const logs: string[] = []; page.on('load', () => logs.push(`${Math.round(performance.now())} LOAD`)); page.on('console', (m) => logs.push(`${Math.round(performance.now())} ${m.type()} ${m.text().slice(0, 300)}`)); page.on('framenavigated', (f) => { if (f === page.mainFrame()) logs.push(`${Math.round(performance.now())} NAVIGATED ${f.url()}`); });
await page.goto(`${site.url}iframe.html?id=widgets-hello-world--default&viewMode=story`);
await page.locator('.js-widgets-bar-item-container').first().waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Page.enable'); cdp.on('Page.frameRequestedNavigation', (e) => logs.push('REQNAV ' + JSON.stringify(e))); cdp.on('Page.frameScheduledNavigation' as any, (e: any) => logs.push('SCHEDNAV ' + JSON.stringify(e)));
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const stories = ['widgets-deal-documents--default', 'widgets-hello-world--default'];
const times: number[] = [];
await cdp.send('Profiler.start');
for (let i = 0; i < 40; i++) {
  const storyId = stories[i % 2]!; const marker = storyId.includes('hello') ? 'Hello world!' : 'Договор';
  await page.evaluate((storyId) => { (window as any).__t = performance.now(); (window as any).__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' }); }, storyId);
  await page.waitForFunction((marker) => document.querySelector('.js-widgets-bar-item-container')?.textContent?.includes(marker), marker, { polling: 'raf' });
  times.push(await page.evaluate(() => performance.now() - (window as any).__t));
}
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/prof/switch.cpuprofile', JSON.stringify(profile));
times.sort((a, b) => a - b); console.log('median', times[20], 'times', times.map(Math.round).join(','));
console.log(logs.slice(0, 60).join('\n'));
await browser.close(); await site.close();
