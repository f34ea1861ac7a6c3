/**
 * For play functions: what Storybook does when a control or a toolbar global changes, i.e. call the
 * story's render again with the new args and globals, then wait until the cabinet has applied them.
 * In the Storybook UI the same render runs on every change.
 */
import type { StoryContext } from 'storybook/internal/types';
import { findCabinet } from '../host/cabinet/mountedCabinets';
import { renderStoryCabinet } from './storyMounts';

export async function rerenderStory(
  context: Pick<StoryContext, 'id' | 'parameters' | 'globals' | 'canvasElement' | 'args'> & Partial<Pick<StoryContext, 'abortSignal'>>,
  change: { args?: Record<string, unknown>; globals?: Record<string, unknown> },
): Promise<HTMLElement> {
  Object.assign(context.args, change.args);
  Object.assign(context.globals, change.globals);
  const root = renderStoryCabinet(context.args, context);
  await findCabinet(context.canvasElement)?.whenIdle();
  return root;
}
