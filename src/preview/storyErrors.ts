/**
 * What went wrong in each story's latest render, as Storybook's channel tells it: a render that threw,
 * a play function that threw, errors nobody caught while it ran, an errored phase. A render always
 * ends in the `finished` phase, even after an error, and a play function's exception leaves
 * `storyFinished` saying "success"; so the
 * visual run and `amo-workbench test` ask here (`__amoWorkbench.storyError(id)`) before they compare a
 * capture or call a story passed.
 */
import { addons } from 'storybook/preview-api';
import {
  PLAY_FUNCTION_THREW_EXCEPTION,
  STORY_ERRORED,
  STORY_RENDER_PHASE_CHANGED,
  STORY_THREW_EXCEPTION,
  UNHANDLED_ERRORS_WHILE_PLAYING,
} from 'storybook/internal/core-events';

const errors = new Map<string, string>();
let current: string | undefined;

const messageOf = (payload: unknown): string => {
  const error = payload as { message?: unknown; title?: unknown; description?: unknown } | undefined;
  return String(error?.message ?? error?.title ?? error?.description ?? 'unknown error').split('\n')[0]!;
};

export function trackStoryErrors(): void {
  const channel = addons.getChannel();
  channel.on(STORY_RENDER_PHASE_CHANGED, ({ newPhase, storyId }: { newPhase: string; storyId: string }) => {
    current = storyId;
    if (newPhase === 'preparing' || newPhase === 'loading') errors.delete(storyId);
    if (newPhase === 'errored' && !errors.has(storyId)) errors.set(storyId, 'the story errored');
  });
  for (const event of [PLAY_FUNCTION_THREW_EXCEPTION, STORY_THREW_EXCEPTION, STORY_ERRORED]) {
    channel.on(event, (payload: unknown) => {
      if (current) errors.set(current, messageOf(payload));
    });
  }
  // Errors nobody caught while the play function ran (Storybook then ends the render in `errored`).
  channel.on(UNHANDLED_ERRORS_WHILE_PLAYING, (payload: unknown[]) => {
    if (current) errors.set(current, `uncaught: ${payload.map(messageOf).join('; ')}`);
  });
}

/** The error of the story's latest render, if it had one. */
export function storyError(storyId: string): string | undefined {
  return errors.get(storyId);
}
