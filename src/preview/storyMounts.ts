/**
 * Which cabinet each story canvas shows. A re-render of the same story (an arg or a global
 * changed) updates that cabinet's host state and returns the same element, which Storybook's
 * html renderer leaves in place: no remount, no new initLead. A new story starts from scratch.
 */
import type { StoryContext } from 'storybook/internal/types';
import { createCabinet, type Cabinet } from '../host/cabinet/createCabinet';
import { mergeInputs, type HostGlobals, type HostInputs } from '../host/cabinet/hostInputs';
import { trackCabinet, unmountAllCabinets } from '../host/cabinet/mountedCabinets';
import { resetWorkbenchClock, setWorkbenchClock } from '../host/clock/workbenchClock';
import { releaseHeldRequests, tokenSettingsFor } from '../host/backend/mocks/scenarios';
import { reportToPanel } from './reportToPanel';
import { workbenchParameters } from './parameters';
import { problemStrip, type ProblemStrip } from './problemStrip';
import { isTestRun } from './isTestRun';
import { WIDGETS_VIEW_PARAM } from './allStates';

interface StoryMount {
  storyId: string;
  cabinet: Cabinet;
  root: HTMLElement;
  strip: ProblemStrip;
  /** The toolbar language the strip speaks. */
  lang: string | undefined;
  /** The story render's signal: re-renders of one render (args, globals) share it. */
  render: AbortSignal | undefined;
}

const mounts = new Map<Element, StoryMount>();

export type StoryRenderContext = Pick<StoryContext, 'id' | 'parameters' | 'globals' | 'canvasElement'> & Partial<Pick<StoryContext, 'abortSignal'>>;

/** Mounts (or updates) the story's cabinet; `wrap` builds the story's root around it. */
export function renderStoryCabinet(
  args: Record<string, unknown>,
  context: StoryRenderContext,
  wrap: (cabinet: Cabinet) => HTMLElement = (cabinet) => cabinet.element,
): HTMLElement {
  const params = workbenchParameters(context.parameters);
  const globals = (context.globals ?? {}) as HostGlobals;
  const inputs = mergeInputs(globals, args as HostInputs);
  const clock = { mode: globals.clock ?? 'fixed', start: params.clockStart };

  const existing = mounts.get(context.canvasElement);
  if (existing && existing.storyId === context.id && existing.cabinet.mounted && existing.render === context.abortSignal) {
    setWorkbenchClock(clock);
    void existing.cabinet.apply(inputs);
    existing.lang = inputs.lang;
    existing.strip.update();
    return existing.root;
  }
  // A new render of this canvas whose predecessor was never torn down (see storyTeardown).
  if (existing?.cabinet.mounted) void existing.cabinet.unmount();
  setWorkbenchClock(clock, true);
  const cabinet = trackCabinet(
    createCabinet({
      storyId: context.id,
      widgets: params.widgets ?? [],
      fixture: params.fixture,
      inputs,
      // Scenarios such as expired-token sign differently, so the backend's 401 is a real verification failure.
      token: { ...params.token, ...tokenSettingsFor(params.backend?.scenario ?? 'success') },
      waitSeconds: params.waitSeconds,
      // A state's frame in All states (allStates.ts) shows the widgets column alone.
      chrome: widgetsViewOnly() ? false : params.chrome,
    }),
  );
  // Problems show beside the cabinet (strip, panel, sidebar status), never instead of it.
  const mount = { storyId: context.id, cabinet, lang: inputs.lang, render: context.abortSignal } as StoryMount;
  mount.strip = problemStrip(
    wrap(cabinet),
    cabinet,
    params,
    () => mount.lang ?? cabinet.state.get('sys')?.lang,
    (records) => reportToPanel(context.id, records),
  );
  mount.root = mount.strip.element;
  mounts.set(context.canvasElement, mount);
  return mount.root;
}

function widgetsViewOnly(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get(WIDGETS_VIEW_PARAM) === 'widgets';
}

/** Sends the problems of the story on this canvas to the manager again, once its render is complete. */
export function reportStoryProblems(canvasElement: Element): void {
  mounts.get(canvasElement)?.strip.report();
}

/**
 * The preview's beforeEach: returns the story render's teardown. Storybook keeps cleanups per
 * story id and runs them also when a newer render of the story is abandoned while it prepares
 * (two quick edits of a widget's script): the render on screen then stays, so its cabinets must
 * too. Only a torn-down render (Storybook aborts its signal first) unmounts; the cabinets of one
 * whose cleanup Storybook dropped go when the next render mounts on that canvas. Vitest's portable
 * stories tear down without aborting, so a test run always unmounts.
 */
export function storyTeardown(abortSignal: AbortSignal): () => Promise<void> {
  return async () => {
    if (!abortSignal.aborted && !isTestRun()) return;
    await teardownStoryCabinets();
  };
}

/** A story's teardown: unmount its cabinets (cleanups in the spec's order), real time again. */
export async function teardownStoryCabinets(): Promise<void> {
  mounts.clear();
  await unmountAllCabinets();
  releaseHeldRequests();
  resetWorkbenchClock();
}
