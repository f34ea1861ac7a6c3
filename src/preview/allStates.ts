/**
 * A widget folder's `All states` story: each state's own story in a frame, labelled, side by side,
 * in the toolbar's language and formats, for design review on one screen. Frames, because each
 * state needs its own backend scenario and a page of its own; they show the widgets column only
 * (`wb-view=widgets`). They load one after another: every state's render empties the origin's web
 * storage (webStorage.ts), which two loading at once would share.
 */
import type { StoryContext } from 'storybook/internal/types';
import { h } from '../host/cabinet/dom';
import { stateLabel } from './stateLabels';
import './allStates.css';

export interface StateFrame {
  name: string;
  /** The state story's id. */
  id: string;
}

/** The URL parameter that makes a story show the widgets column alone (storyMounts.ts). */
export const WIDGETS_VIEW_PARAM = 'wb-view';

const shown = new WeakMap<Element, { key: string; root: HTMLElement; ready: Promise<void> }>();

export function allStatesStory(frames: StateFrame[]) {
  return {
    // The controls belong to each state's own story, not to the overview.
    parameters: { controls: { disable: true } },
    render: (_args: unknown, context: StoryContext) => renderAllStates(frames, context),
    // Done when every frame has rendered: Chromatic and the visual run capture after the play function.
    play: ({ canvasElement }: Pick<StoryContext, 'canvasElement'>) => shown.get(canvasElement)?.ready,
  };
}

export function renderAllStates(frames: StateFrame[], context: Pick<StoryContext, 'globals' | 'canvasElement'>): HTMLElement {
  const globals = context.globals as Record<string, unknown>;
  const query = ['lang', 'dateFormat', 'timeFormat', 'clock', 'storage']
    .filter((key) => typeof globals[key] === 'string')
    .map((key) => `${key}:${String(globals[key])}`)
    .join(';');
  const previous = shown.get(context.canvasElement);
  if (previous?.key === query && previous.root.isConnected) return previous.root;
  const lang = typeof globals.lang === 'string' ? globals.lang : undefined;
  const cells = frames.map((frame) => ({
    frame,
    element: h('iframe', { class: 'wb-states__frame', title: frame.name, 'data-story-id': frame.id }) as HTMLIFrameElement,
  }));
  const root = h(
    'div',
    { class: 'wb-states', 'data-states': String(frames.length) },
    ...cells.map(({ frame, element }) =>
      h(
        'figure',
        { class: 'wb-states__cell', 'data-state': frame.name },
        h('figcaption', { class: 'wb-states__label' }, stateLabel(frame.name, lang)),
        element,
      ),
    ),
  );
  const ready = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 0)); // Storybook attaches the root after render returns
    for (const { frame, element } of cells) {
      // Switched away (or to another language) meanwhile: the frames left are not needed.
      if (!root.isConnected) return;
      await loadFrame(element, `iframe.html?id=${encodeURIComponent(frame.id)}&viewMode=story&globals=${query}&${WIDGETS_VIEW_PARAM}=widgets`);
    }
  })();
  shown.set(context.canvasElement, { key: query, root, ready });
  return root;
}

type PreviewWindow = Window & { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } };

/** Loads a frame and resolves once its story has rendered (or after 30 s); its height follows its content. */
function loadFrame(frame: HTMLIFrameElement, src: string): Promise<void> {
  return new Promise((resolve) => {
    const end = Date.now() + 30_000;
    frame.addEventListener(
      'load',
      () => {
        const win = frame.contentWindow as PreviewWindow | null;
        const content = frame.contentDocument?.getElementById('storybook-root');
        if (win && content) {
          const fit = () => (frame.style.height = `${Math.ceil(content.getBoundingClientRect().height)}px`);
          new (win as unknown as typeof globalThis).ResizeObserver(fit).observe(content);
        }
        const poll = () => {
          const phase = win?.__STORYBOOK_PREVIEW__?.currentRender?.phase;
          if (!win || ['finished', 'errored', 'aborted'].includes(phase ?? '') || Date.now() > end) resolve();
          else setTimeout(poll, 50);
        };
        poll();
      },
      { once: true },
    );
    frame.src = src;
  });
}
