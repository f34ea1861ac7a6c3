/**
 * The render function of every workbench story: mounts a cabinet with the story's widgets and
 * returns its element. Unmounting happens in the project's `beforeEach` cleanup.
 */
import type { ArgsStoryFn } from 'storybook/internal/types';
import type { HtmlRenderer } from '@storybook/html-vite';
import { createCabinet } from '../cabinet/createCabinet';
import { trackCabinet } from '../cabinet/mountedCabinets';
import { createWorkbenchClock } from '../clock/workbenchClock';
import { workbenchParameters } from './parameters';

export const renderCabinet: ArgsStoryFn<HtmlRenderer> = (_args, context) => {
  const params = workbenchParameters(context.parameters);
  const cabinet = createCabinet({
    storyId: context.id,
    widgets: params.widgets ?? [],
    fixture: params.fixture,
    token: params.token,
    clock: createWorkbenchClock(params.clockStart),
    waitSeconds: params.waitSeconds,
  });
  return trackCabinet(cabinet).element;
};
