import type { Meta, StoryObj } from '@storybook/html-vite';
import { HttpResponse, http, sse } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { BACKEND_STATES } from '../src/common/stateSpec';
import { widgetStateStory } from '../src/preview/widgetStates';
import { fixtureWidget } from './fixtureWidgets';

/**
 * A widget folder's backend states with a widget that also listens to an event stream
 * (tests/fixtures/widgets/event-stream): the scenario answers its fetch and its stream alike, and
 * the state's check holds the requests to the scenario's status, not the stream, which is recorded
 * as a connection when it is made.
 */
const meta = {
  title: 'Backend/Event stream',
  tags: ['no-visual'],
  parameters: {
    msw: {
      handlers: [
        http.get('https://events.mocked.example/api/summary', () => HttpResponse.json({ deals: 3 })),
        sse('https://events.mocked.example/stream', ({ client }) => client.send({ data: 'deal moved' })),
      ],
    },
  },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const slot = (canvasElement: HTMLElement) => canvasElement.querySelector('[data-widget="event-stream"] .js-widgets-bar-item-container');

function backendState(exportName: string, summary: string, live: string): Story {
  const state = widgetStateStory(BACKEND_STATES.find((s) => s.exportName === exportName)!);
  return {
    parameters: { workbench: { ...state.parameters.workbench, widgets: [fixtureWidget('event-stream')] } },
    play: async (context) => {
      await waitFor(() => expect(slot(context.canvasElement)).toHaveTextContent(summary));
      await waitFor(() => expect(slot(context.canvasElement)).toHaveTextContent(live));
      await state.play(context);
    },
  };
}

export const Answered: Story = {
  parameters: { workbench: { widgets: [fixtureWidget('event-stream')] } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(slot(canvasElement)).toHaveTextContent('summary: 200'));
    await waitFor(() => expect(slot(canvasElement)).toHaveTextContent('event: deal moved'));
  },
};
export const Forbidden = backendState('Forbidden', 'summary: 403', 'stream failed');
export const ServerError = backendState('ServerError', 'summary: 500', 'stream failed');
