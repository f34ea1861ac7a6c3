/**
 * The render function of every workbench story: mounts a cabinet with the story's widgets and
 * returns its element. Unmounting happens in the project's `beforeEach` cleanup.
 */
import type { ArgsStoryFn, StoryContext } from 'storybook/internal/types';
import type { HtmlRenderer } from '@storybook/html-vite';
import { createCabinet, type Cabinet } from '../cabinet/createCabinet';
import { trackCabinet } from '../cabinet/mountedCabinets';
import { createWorkbenchClock } from '../clock/workbenchClock';
import { workbenchParameters } from './parameters';

/** Mounts the cabinet a story's parameters describe. */
export function mountStoryCabinet(context: Pick<StoryContext, 'id' | 'parameters'>): Cabinet {
  const params = workbenchParameters(context.parameters);
  return trackCabinet(
    createCabinet({
      storyId: context.id,
      widgets: params.widgets ?? [],
      fixture: params.fixture,
      token: params.token,
      clock: createWorkbenchClock(params.clockStart),
      waitSeconds: params.waitSeconds,
    }),
  );
}

export const renderCabinet: ArgsStoryFn<HtmlRenderer> = (_args, context) => mountStoryCabinet(context).element;
