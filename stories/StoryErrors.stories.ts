import type { Meta, StoryObj } from '@storybook/html-vite';

/**
 * Stories that throw: what a reviewer sees when a story's own code (not a widget) breaks, and what
 * the visual run and `amo-workbench test` must report as a failure instead of comparing a capture
 * (src/preview/storyErrors.ts; tests/visual/visual.test.ts checks both). Not run as tests and not
 * captured: they fail on purpose.
 */
const meta = {
  title: 'Workbench/Story Errors',
  tags: ['!test', 'no-visual'],
  parameters: { chromatic: { disableSnapshot: true } },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

export const PlayFunctionThrows: Story = {
  play: async () => {
    throw new Error('This play function throws on purpose.');
  },
};

export const RenderThrows: Story = {
  render: () => {
    throw new Error('This render throws on purpose.');
  },
};
