import type { Meta, StoryObj } from '@storybook/html-vite';
import { HttpResponse, delay, http, ws } from 'msw';
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test';
import { unhandledRequests } from '../src/host/backend/unhandledRequests';
import type { FindingCode } from '../src/host/doctor/findings';
import { doctorSweep } from '../src/host/doctor/sweep';
import { createCabinet } from '../src/host/cabinet/createCabinet';
import { cabinetOf } from '../src/preview/cabinetOf';
import { XSS, RTL, LONG, SCRIPT, hostileFixture } from '../src/host/fixtures';
import { repoWidgetParameters } from '../src/preview/repoWidgetStory';
import { waitForSettled } from '../src/preview/settle';
import { fixtureWidget } from './fixtureWidgets';

/**
 * The widget doctor: each story mounts a fixture widget with one bug (tests/fixtures/widgets/doctor-*)
 * and checks the doctor names it with its code. Findings show in the "Widget doctor" panel and as
 * `[widget doctor] <code>: ...` in the console; these stories expect theirs (parameters.workbench.doctor).
 */
const meta = { title: 'Doctor' } satisfies Meta;
export default meta;
type Story = StoryObj;

async function switchDeal(canvasElement: HTMLElement) {
  const cabinet = await cabinetOf(canvasElement);
  await userEvent.click(canvasElement.querySelectorAll('button[data-lead-id]')[1]!);
  await cabinet.whenIdle();
}

function doctorStory(code: FindingCode, folder: string, message: RegExp, options: { cleanups?: boolean; workbench?: Record<string, unknown> } = {}): Story {
  return {
    parameters: { workbench: { widgets: [fixtureWidget(folder)], doctor: [code], ...options.workbench } },
    play: async ({ canvasElement }) => {
      const cabinet = await cabinetOf(canvasElement);
      if (options.cleanups) await switchDeal(canvasElement);
      await waitFor(() => expect(cabinet.doctor.findings.map((f) => f.code)).toContain(code));
      const findings = cabinet.doctor.findings.filter((f) => f.code === code);
      await expect(findings).toHaveLength(1);
      await expect(findings[0]!.widget).toBe(folder);
      await expect(findings[0]!.message).toMatch(message);
    },
  };
}

export const LeakedSubscription = doctorStory(
  'leaked-subscription',
  'doctor-leaked-subscription',
  /still subscribes to "lead" after its cleanups ran \(on a deal switch\)/,
  { cleanups: true },
);
export const LeakedListener = doctorStory(
  'leaked-listener',
  'doctor-leaked-listener',
  /left a "resize" listener on window after its cleanups ran \(on a deal switch\)/,
  { cleanups: true },
);
export const LeakedObserver: Story = {
  ...doctorStory(
    'leaked-listener',
    'doctor-leaked-observer',
    /^doctor-leaked-observer left a MutationObserver observing <body> after its cleanups ran \(on a deal switch\); disconnect it in a cleanup\.$/,
    { cleanups: true },
  ),
  tags: ['no-visual'],
};
export const LeakedWorker: Story = {
  ...doctorStory(
    'leaked-connection',
    'doctor-leaked-worker',
    /^doctor-leaked-worker left a Web Worker \(echo-worker\.js\) running after its cleanups ran \(on a deal switch\); terminate it in a cleanup\.$/,
    { cleanups: true },
  ),
  tags: ['no-visual'],
};
export const LeakedTimer = doctorStory('leaked-timer', 'doctor-leaked-timer', /left an interval \(60000 ms\) pending after its cleanups ran/, {
  cleanups: true,
});
/** Clients of the live.mocked.example sockets, open or not (for the stories below). */
const liveClients: { url: string; open: boolean }[] = [];
const live = ws.link(/^wss:\/\/live\.mocked\.example\//);
const liveHandler = live.addEventListener('connection', ({ client }) => {
  const record = { url: client.url.pathname, open: true };
  liveClients.push(record);
  client.addEventListener('close', () => (record.open = false));
  client.send('42');
});
// A socket still open after the cleanups is named with its URL, without the query string (where
// tokens go); the one the widget closed is no finding.
export const LeakedConnection: Story = {
  ...doctorStory(
    'leaked-connection',
    'doctor-leaked-socket',
    /^doctor-leaked-socket left a WebSocket to wss:\/\/live\.mocked\.example\/prices open after its cleanups ran \(on a deal switch\); close it in a cleanup\.$/,
    { cleanups: true },
  ),
  parameters: { workbench: { widgets: [fixtureWidget('doctor-leaked-socket')], doctor: ['leaked-connection'] }, msw: { handlers: [liveHandler] } },
};
/**
 * A socket library that closes a microtask after its disconnect() (socket.io, after writing its close
 * packet) and stops its heartbeat in a 0 ms timeout: what the cleanups started has finished when the
 * doctor looks, at a deal switch and at the end.
 */
export const SocketClosedAfterItsCloseFrame: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('socket-closed-after-flush')] }, msw: { handlers: [liveHandler] } },
  play: async ({ canvasElement }) => {
    liveClients.length = 0;
    const cabinet = await cabinetOf(canvasElement);
    const slot = () => canvasElement.querySelector('[data-widget="socket-closed-after-flush"] .js-widgets-bar-item-container');
    await waitFor(() => expect(slot()).toHaveTextContent('live: 42'));
    await switchDeal(canvasElement);
    await waitFor(() => expect(slot()).toHaveTextContent('live: 42'));
    await cabinet.unmount();
    await expect(cabinet.doctor.findings).toEqual([]);
    await waitFor(() => expect(liveClients.filter((c) => c.open)).toEqual([]));
    await expect(liveClients).toHaveLength(2);
  },
};
/** The same widget when its story ends before its socket has opened: the library closes it once open. */
export const SocketStillConnectingWhenTheStoryEnds: Story = {
  tags: ['no-visual'],
  parameters: SocketClosedAfterItsCloseFrame.parameters,
  play: async ({ canvasElement }) => {
    liveClients.length = 0;
    const cabinet = await cabinetOf(canvasElement);
    const slot = canvasElement.querySelector('[data-widget="socket-closed-after-flush"] .js-widgets-bar-item-container');
    await expect(slot).toHaveTextContent('connecting');
    await cabinet.unmount();
    await expect(cabinet.doctor.findings).toEqual([]);
    await waitFor(() => expect(liveClients.filter((c) => c.open)).toEqual([]));
  },
};
/** A refresh loop the module starts when it loads (a timeout that sets itself again) is the module's, at a deal switch and at the end. */
export const ModuleRefreshLoop: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('module-refresh-loop')] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const refreshes = () =>
      Number(
        /refreshed (\d+)/.exec(canvasElement.querySelector('[data-widget="module-refresh-loop"] .js-widgets-bar-item-container')?.textContent ?? '')?.[1] ?? 0,
      );
    await waitFor(() => expect(refreshes()).toBeGreaterThanOrEqual(3));
    await switchDeal(canvasElement);
    const after = refreshes();
    await waitFor(() => expect(refreshes()).toBeGreaterThan(after + 1));
    await cabinet.unmount();
    await expect(cabinet.doctor.findings).toEqual([]);
  },
};
/** Web Workers that did not run: named with the file and the bundler setting that fixes each. */
export const WorkerFailures: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('doctor-worker-failures')], doctor: ['module-not-loaded', 'uncaught-error'] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await waitFor(() => expect(cabinet.doctor.findings).toHaveLength(2));
    const byCode = Object.fromEntries(cabinet.doctor.findings.map((f) => [f.code, f.message]));
    await expect(byCode['module-not-loaded']).toMatch(
      /^doctor-worker-failures started a Web Worker from http:\/\/[^/]+\/worker-chunk\.js, which did not load \(the server answered 404\)\. It is outside the widget's folder: .*__webpack_public_path__ = module\.uri/,
    );
    await expect(byCode['uncaught-error']).toMatch(
      /^doctor-worker-failures's Web Worker amd-worker\.js threw: .*define is not defined\. .*library: \{ type: "amd" \}/,
    );
  },
};
/** When the story ends, the host closes what a widget left open: a leak never reaches the next story. */
export const LeakReleasedOnUnmount: Story = {
  parameters: LeakedConnection.parameters,
  play: async ({ canvasElement }) => {
    liveClients.length = 0;
    const cabinet = await cabinetOf(canvasElement);
    const slot = canvasElement.querySelector('[data-widget="doctor-leaked-socket"] .js-widgets-bar-item-container')!;
    await waitFor(() => expect(slot).toHaveTextContent('live: 42'));
    await expect(liveClients.map((c) => `${c.url} ${c.open}`).sort()).toEqual(['/presence true', '/prices true']);
    await cabinet.unmount();
    await expect(cabinet.doctor.findings.map((f) => f.code)).toEqual(['leaked-connection']);
    await waitFor(() => expect(liveClients.filter((c) => c.open)).toEqual([]));
  },
};
// Errors thrown outside the callbacks and never caught: each one is the widget's, with a hint for
// webpack's chunks looked for outside the widget's folder.
export const UncaughtError: Story = {
  parameters: {
    workbench: { widgets: [fixtureWidget('doctor-uncaught-error')], doctor: ['uncaught-error'] },
    // Storybook ends a render whose play saw an uncaught error in `errored`: these are expected.
    test: { dangerouslyIgnoreUnhandledErrors: true },
  },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await waitFor(() => expect(cabinet.doctor.findings).toHaveLength(2));
    const messages = cabinet.doctor.findings.map((f) => `${f.code} ${f.widget}: ${f.message}`).sort();
    await expect(messages[0]).toMatch(
      /^uncaught-error doctor-uncaught-error: doctor-uncaught-error left a promise rejection unhandled: ChunkLoadError: Loading chunk 407 failed\. \(error: .*\/assets\/chunks\/panel\.js\)\. The chunk was looked for outside the widget's folder: webpack's publicPath 'auto'/,
    );
    await expect(messages[1]).toMatch(
      /^uncaught-error doctor-uncaught-error: doctor-uncaught-error threw outside its callbacks, uncaught: SyntaxError: .*JSON.*\.$/,
    );
  },
};
export const StrayDom = doctorStory('stray-dom', 'doctor-stray-dom', /left <div#doctor-stray-modal> in <body>, outside its slot/, { cleanups: true });
// A React portal into <body>, rendered with flushSync: found although the insertion happens dozens
// of React frames below the widget's code.
export const StrayPortal = doctorStory('stray-dom', 'doctor-stray-portal', /left <div#doctor-stray-portal> in <body>, outside its slot/, { cleanups: true });
// Nodes put into <body> other than one by one: two at once through a DocumentFragment, as jQuery's
// append of several nodes does (each is found; the fragment is empty once inserted), and one built
// apart and inserted with insertAdjacentElement.
export const StrayFragment: Story = {
  parameters: { workbench: { widgets: [fixtureWidget('doctor-stray-fragment')], doctor: ['stray-dom'] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await switchDeal(canvasElement);
    const stray = () => cabinet.doctor.findings.filter((f) => f.code === 'stray-dom').map((f) => f.message);
    await waitFor(() => expect(stray()).toHaveLength(3));
    const [badge, backdrop, toast] = stray().sort((a, b) => a.localeCompare(b));
    await expect(badge).toMatch(/left <aside#doctor-stray-badge> in <body>, outside its slot/);
    await expect(backdrop).toMatch(/left <div#doctor-stray-backdrop> in <body>, outside its slot/);
    await expect(toast).toMatch(/left <div#doctor-stray-toast> in <body>, outside its slot/);
  },
};
export const BadCallback: Story = {
  ...doctorStory('bad-callback', 'doctor-bad-callback', /initLead returned a number \(42\); it must return a cleanup function or nothing/),
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await expect(cabinet.doctor.findings.map((f) => f.message)).toEqual([
      'doctor-bad-callback: initLead returned a number (42); it must return a cleanup function or nothing.',
      'doctor-bad-callback: registerWidgetsBarSlot returned a string (done); it must return a cleanup function or nothing.',
    ]);
  },
};
export const AsyncInitLead = doctorStory('async-init-lead', 'async-init-lead', /initLead returned a Promise/);
export const BadSdkVersion = doctorStory('bad-sdk-version', 'doctor-bad-sdk-version', /unknown SDK version "2\.0\.0"/);
export const UnknownEntity = doctorStory('unknown-entity', 'doctor-unknown-entity', /called getState\("deal"\): not one of PUBLIC_STATE_ENTITIES/);
export const MutatedSnapshot = doctorStory('mutated-snapshot', 'doctor-mutated-snapshot', /tried to change sys\.lang of a getState\/subscribe snapshot/);
export const UnmockedRequest: Story = {
  ...doctorStory('unmocked-request', 'doctor-unmocked-request', /requested GET https:\/\/unmocked-backend\.example\/api\/profile/, {
    workbench: { allowUnhandledRequests: true },
  }),
  // Requests are reported when the story's checks run (afterEach); the play runs that sweep itself.
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await waitForSettled([cabinet]);
    await doctorSweep([cabinet], unhandledRequests(), false);
    await expect(cabinet.doctor.findings.map((f) => `${f.widget}: ${f.message}`).sort()).toEqual([
      'doctor-unmocked-request: doctor-unmocked-request requested GET https://unmocked-backend.example/api/profile, and no MSW handler of the story answered it.',
      'doctor-unmocked-request: doctor-unmocked-request requested GET https://unmocked-backend.example/api/settings, and no MSW handler of the story answered it.',
    ]);
  },
};
/** Connections to wss://prices.mocked.example (the reconnecting-socket fixture), for the story below. */
let priceConnections = 0;
const prices = ws.link('wss://prices.mocked.example/live');
const pricesHandler = prices.addEventListener('connection', ({ client }) => {
  priceConnections += 1;
  client.send('42');
});
/**
 * A socket whose close handler reconnects: once the story has ended, the close event (the one the
 * widget's cleanup caused comes later) no longer reaches it, so it never reconnects into later stories.
 */
export const NoReconnectAfterTheStory: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('reconnecting-socket')] }, msw: { handlers: [pricesHandler] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-widget="reconnecting-socket"] .js-widgets-bar-item-container')).toHaveTextContent('price 42 (connection 1)'),
    );
    const before = priceConnections;
    await cabinet.unmount();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect(priceConnections).toBe(before);
    await expect(cabinet.doctor.findings).toEqual([]);
  },
};
/**
 * At a deal switch the module lives on, as in amoCRM: the close event the cleanup caused arrives
 * before the doctor looks, its handler sets the reconnect timer, which opens a socket when it runs
 * (named at the deal switch), and the sockets are doubled (named when the story ends).
 */
export const ReconnectFoundAfterADealSwitch: Story = {
  tags: ['no-visual'],
  parameters: {
    workbench: { widgets: [fixtureWidget('reconnecting-socket')], doctor: ['leaked-connection'] },
    msw: { handlers: [pricesHandler] },
  },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const slot = () => canvasElement.querySelector('[data-widget="reconnecting-socket"] .js-widgets-bar-item-container');
    await waitFor(() => expect(slot()).toHaveTextContent('price 42 (connection 1)'));
    await switchDeal(canvasElement);
    await waitFor(() => expect(slot()).toHaveTextContent('price 42 (connection 3)'));
    await cabinet.unmount();
    await expect(cabinet.doctor.findings.map((f) => f.message)).toEqual([
      'reconnecting-socket left a timeout (200 ms) pending after its cleanups ran (on a deal switch), which, run, opened a socket; clear it in a cleanup.',
      'reconnecting-socket left a WebSocket to wss://prices.mocked.example/live open after its cleanups ran (on unmount); close it in a cleanup.',
    ]);
  },
};
/** Requests to poll.mocked.example (the late-poll fixture), each answered after 300 ms. */
let polls = 0;
const pollHandler = http.get('https://poll.mocked.example/status', async () => {
  polls += 1;
  await delay(300);
  return HttpResponse.json({ ok: true });
});
/**
 * Code of a widget the host let go can still run (an answer arriving after the story ended); a timer
 * it sets then is not set, so its polling stops with its story instead of going on in the next ones.
 */
export const NoPollingAfterTheStory: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('late-poll')] }, msw: { handlers: [pollHandler] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const warn = spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await waitFor(() => expect(canvasElement.querySelector('[data-widget="late-poll"] .js-widgets-bar-item-container')).toHaveTextContent('polled 1'));
      // The second request is on its way (sent 100 ms after the first answer, answered 300 ms later).
      await waitFor(() => expect(polls).toBeGreaterThan(1));
      const sent = polls;
      await cabinet.unmount();
      await new Promise((resolve) => setTimeout(resolve, 800));
      await expect(polls).toBe(sent);
      await expect(warn).toHaveBeenCalledWith(
        '[workbench] late-poll set a timer after its story ended (code of its that still ran, such as a promise settling late); not set, so it cannot reach the stories after.',
      );
    } finally {
      warn.mockRestore();
    }
  },
};
/** Two cabinets of one page run the same script: one ending does not make the other's code a let-go widget's. */
export const OneOfTwoCabinetsEnds: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('late-poll')] }, msw: { handlers: [pollHandler] } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const second = createCabinet({ storyId: 'doctor--one-of-two-cabinets-ends', widgets: [fixtureWidget('late-poll')], chrome: false });
    canvasElement.append(second.element);
    await second.ready;
    await second.unmount();
    const after = polls;
    // The story's own cabinet polls on: a request every ~400 ms (100 ms timer, 300 ms answer).
    await waitFor(() => expect(polls).toBeGreaterThan(after + 1), { timeout: 3000 });
  },
};
/** An animation-frame loop is a timer too; when the story ends it stops (cancelled, and not requested again). */
export const LeakedFrameLoop: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('doctor-frame-loop')], doctor: ['leaked-timer'] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const ticks = () => (window as { __frameLoopTicks?: number }).__frameLoopTicks ?? 0;
    await waitFor(() => expect(ticks()).toBeGreaterThan(2));
    await switchDeal(canvasElement);
    await expect(cabinet.doctor.findings.map((f) => f.message)).toEqual([
      'doctor-frame-loop left an animation-frame loop running after its cleanups ran (on a deal switch); cancel it (cancelAnimationFrame) in a cleanup.',
    ]);
    await cabinet.unmount();
    const atTheEnd = ticks();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(ticks()).toBe(atTheEnd);
  },
};
/** A module the widget requires later (a bundler's chunk) that does not load: said, with the bundler's setting. */
export const ModuleNotLoaded: Story = {
  tags: ['no-visual'],
  ...doctorStory(
    'module-not-loaded',
    'doctor-module-not-loaded',
    /^doctor-module-not-loaded required chunks\/panel, which did not load\. A relative id in a module loaded by URL resolves to a URL, and require\.js adds no \.js to a URL, in amoCRM as here: require "chunks\/panel\.js" \(Rollup: output\.amd\.forceJsExtensionForImports: true\)\.$/,
  ),
};
export const UnknownModule = doctorStory('unknown-module', 'unknown-module', /dependency on "jqeury".*the closest provided id is "jquery"/, {
  workbench: { expectFailures: ['load'] },
});

/** Cleanups are checked on unmount too (the story unmounts its cabinet itself here). */
export const LeakFoundOnUnmount: Story = {
  parameters: { workbench: { widgets: [fixtureWidget('doctor-leaked-timer')], doctor: ['leaked-timer'] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await expect(cabinet.doctor.findings).toEqual([]);
    await cabinet.unmount();
    await expect(cabinet.doctor.findings.map((f) => f.message)).toEqual([
      'doctor-leaked-timer left an interval (60000 ms) pending after its cleanups ran (on unmount); clear it in a cleanup.',
    ]);
  },
};

/** Presses a button of the doctor-late-timeouts fixture by its label. */
const pressLateTimeouts = (canvasElement: HTMLElement, label: 'ripple' | 'refresh later' | 'tooltip') =>
  userEvent.click(within(canvasElement.querySelector<HTMLElement>('[data-widget="doctor-late-timeouts"]')!).getByRole('button', { name: label }));

/**
 * A timeout set later than the host's calls (from a click here; a framework's effect, an animation
 * library's deadline) may still run after the cleanups: no finding while it takes nothing when it runs.
 */
export const LateTimeoutThatTakesNothing: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('doctor-late-timeouts')] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await pressLateTimeouts(canvasElement, 'ripple');
    await pressLateTimeouts(canvasElement, 'tooltip');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await switchDeal(canvasElement);
    await cabinet.unmount();
    await expect(cabinet.doctor.findings).toEqual([]);
  },
};
/** …and a leaked-timer, saying what it did, when it runs after the cleanups and sets the next one (polling). */
export const LateTimeoutThatPolls: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('doctor-late-timeouts')], doctor: ['leaked-timer'] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await pressLateTimeouts(canvasElement, 'refresh later');
    await switchDeal(canvasElement);
    await waitFor(() =>
      expect(cabinet.doctor.findings.map((f) => f.message)).toEqual([
        'doctor-late-timeouts left a timeout (50 ms) pending after its cleanups ran (on a deal switch), which, run, set another timeout (60000 ms); clear it in a cleanup.',
      ]),
    );
  },
};
/**
 * When the story ends, such a timeout runs at once rather than never (what it would do later is
 * still found), and what it took is let go: here the cabinet unmounts 50 ms too early.
 */
export const LateTimeoutRunWhenTheStoryEnds: Story = {
  tags: ['no-visual'],
  parameters: { workbench: { widgets: [fixtureWidget('doctor-late-timeouts')], doctor: ['leaked-timer'] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await pressLateTimeouts(canvasElement, 'refresh later');
    await cabinet.unmount();
    await expect(cabinet.doctor.findings.map((f) => f.message)).toEqual([
      'doctor-late-timeouts left a timeout (50 ms) pending after its cleanups ran (on unmount), which, run, set another timeout (60000 ms); clear it in a cleanup.',
    ]);
  },
};

/**
 * Hostile data: HTML and script in names and values, right-to-left text, 5,000-character strings,
 * empty and null values. The chrome and the showcase widget render it as text; nothing executes.
 */
export const HostileData: Story = {
  parameters: { ...repoWidgetParameters('showcase'), workbench: { ...repoWidgetParameters('showcase').workbench, fixture: hostileFixture } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const widget = canvasElement.querySelector<HTMLElement>('[data-widget="showcase"] .js-widgets-bar-item-container')!;
    await waitFor(() => expect(widget.querySelector('[data-type="text"]')).not.toBeNull(), { timeout: 5000 });
    await expect((window as { __hostileExecuted?: boolean }).__hostileExecuted).toBeUndefined();
    await expect(canvasElement.querySelector('img[src="x"], script:not([data-requirecontext])')).toBeNull();
    await expect(canvasElement.querySelector('.amo-cabinet__deal-name')!.textContent).toContain(XSS);
    await expect(canvasElement.querySelector('.amo-cabinet__title')!.textContent).toContain(RTL);
    await expect(canvasElement.querySelector('[data-field-id="lead-580107"]')!.textContent).toBe(LONG);
    await expect(canvasElement.querySelector('[data-field-id="lead-580103"]')!.textContent).toBe('—');
    await expect(widget.querySelector('[data-type="text"]')!.textContent).toBe(SCRIPT);
    await expect(widget.querySelector('[data-type="textarea"]')!.textContent).toBe(LONG);
    // The status colour could not smuggle CSS in.
    await expect(canvasElement.querySelector<HTMLElement>('.amo-cabinet__status')!.style.background).not.toContain('javascript');
  },
};

// A WebSocket, an EventSource and a beacon that no handler answers are stopped before they leave
// the machine (src/host/backend/blockUnhandled.ts) and each is an unmocked-request finding of the widget.
export const UnmockedSocket: Story = {
  parameters: { workbench: { widgets: [fixtureWidget('doctor-unmocked-socket')], doctor: ['unmocked-request'] } },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const slot = () => canvasElement.querySelector('[data-widget="doctor-unmocked-socket"] .js-widgets-bar-item-container')!;
    await waitFor(() => expect(slot().textContent).toContain('socket closed 1008'));
    await waitFor(() => expect(slot().textContent).toContain('events error'));
    await expect(slot().textContent).not.toContain('socket open');
    await waitForSettled([cabinet]);
    await waitFor(() =>
      expect(
        unhandledRequests()
          .map((r) => `${r.method} ${r.url}`)
          .sort(),
      ).toEqual([
        'EventSource https://events.unmocked.example/stream',
        'POST https://beacon.unmocked.example/collect',
        'WebSocket wss://chat.unmocked.example/socket',
      ]),
    );
    await doctorSweep([cabinet], unhandledRequests(), false);
    await expect(cabinet.doctor.findings.map((f) => `${f.widget}: ${f.message}`).sort()).toEqual([
      'doctor-unmocked-socket: doctor-unmocked-socket opened a WebSocket to wss://chat.unmocked.example/socket, and no MSW handler of the story answered it.',
      'doctor-unmocked-socket: doctor-unmocked-socket opened an EventSource to https://events.unmocked.example/stream, and no MSW handler of the story answered it.',
      'doctor-unmocked-socket: doctor-unmocked-socket requested POST https://beacon.unmocked.example/collect, and no MSW handler of the story answered it.',
    ]);
  },
};

// With a ws.link handler for its URL, the same kind of socket connects and talks to the mock.
const chat = ws.link('wss://chat.mocked.example/socket');
export const MockedSocket: Story = {
  parameters: {
    workbench: { widgets: [fixtureWidget('mocked-socket')] },
    msw: { handlers: [chat.addEventListener('connection', ({ client }) => client.addEventListener('message', (event) => client.send(String(event.data))))] },
  },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('[data-widget="mocked-socket"] .js-widgets-bar-item-container')).toHaveTextContent('echo: ping'));
    await expect(unhandledRequests()).toEqual([]);
  },
};
