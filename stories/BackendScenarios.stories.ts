import type { Meta, StoryObj } from '@storybook/html-vite';
import { http, HttpResponse } from 'msw';
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test';
import { handlers, seenRequests } from '../widgets/deal-documents/mocks/handlers';
import { unhandledRequests } from '../src/host/backend/unhandledRequests';
import { cabinetOf } from '../src/preview/cabinetOf';
import { repoWidgetParameters } from '../src/preview/repoWidgetStory';
import type { Scenario } from '../src/host/backend/mocks';

/**
 * The example widget (widgets/deal-documents) against every answer its backend can give: one
 * parameter, `backend: { scenario }`, picks it. The widget's own mocks/handlers verify tokens.
 */
const meta = {
  title: 'Backend/deal-documents',
  parameters: repoWidgetParameters('deal-documents', handlers),
} satisfies Meta;
export default meta;
type Story = StoryObj;

const slotOf = (canvasElement: HTMLElement) => within(canvasElement.querySelector<HTMLElement>('[data-widget="deal-documents"]')!);

function scenarioStory(scenario: Scenario, check: (slot: ReturnType<typeof within>, canvasElement: HTMLElement) => Promise<void>, delayMs?: number): Story {
  return {
    parameters: { workbench: { backend: { scenario, delayMs } } },
    play: async ({ canvasElement }) => {
      await cabinetOf(canvasElement);
      await check(slotOf(canvasElement), canvasElement);
    },
  };
}

const alertIs = (error: string) => async (slot: ReturnType<typeof within>) => {
  const alert = await slot.findByRole('alert');
  await expect(alert).toHaveAttribute('data-error', error);
};

export const Success = scenarioStory('success', async (slot, canvasElement) => {
  const before = seenRequests.length;
  await expect(await slot.findByText('Договор СВ-2026/0314.pdf')).toBeVisible();
  await expect(slot.getAllByRole('listitem')).toHaveLength(3);
  // The handler ran behind withVerifiedToken: the token verified with the configured secret.
  const cabinet = await cabinetOf(canvasElement);
  await expect(seenRequests.slice(before - 1).at(-1)).toMatchObject({ leadId: cabinet.activeLeadId(), accountId: 31000001 });
});

export const Slow = scenarioStory(
  'slow',
  async (slot) => {
    await expect(slot.getByRole('status')).toHaveTextContent('Загружаем документы…');
    await expect(await slot.findByText('Договор СВ-2026/0314.pdf', {}, { timeout: 3000 })).toBeVisible();
  },
  600,
);

export const Empty = scenarioStory('empty', async (slot) => {
  await expect(await slot.findByText('По этой сделке документов пока нет.')).toBeVisible();
});

export const ExpiredToken = scenarioStory('expired-token', async (slot, canvasElement) => {
  await alertIs('unauthorized')(slot);
  const cabinet = await cabinetOf(canvasElement);
  const response = await fetch(`https://documents-widget.example/api/v1/leads/${cabinet.activeLeadId()}/documents`, {
    headers: { 'X-Auth-Token': cabinet.tokens[0]! },
  });
  await expect(response.status).toBe(401);
  await expect(await response.json()).toMatchObject({ error: 'expired' });
});

export const WrongSecret = scenarioStory('wrong-secret', async (slot, canvasElement) => {
  await alertIs('unauthorized')(slot);
  const cabinet = await cabinetOf(canvasElement);
  const response = await fetch(`https://documents-widget.example/api/v1/leads/${cabinet.activeLeadId()}/documents`, {
    headers: { 'X-Auth-Token': cabinet.tokens[0]! },
  });
  await expect(await response.json()).toMatchObject({ error: 'verification-failed' });
});

export const Forbidden = scenarioStory('forbidden', alertIs('forbidden'));
export const ServerError = scenarioStory('server-error', alertIs('server'));
export const MalformedJson = scenarioStory('malformed-json', alertIs('malformed'));
export const NetworkError = scenarioStory('network-error', alertIs('network'));

/** A deal switch while the first request is still loading: the cleanup aborts it, the new deal loads. */
export const DealSwitchAbortsStaleRequest: Story = {
  parameters: { workbench: { backend: { scenario: 'slow', delayMs: 800 } } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    const abort = spyOn(AbortController.prototype, 'abort');
    try {
      const before = seenRequests.length;
      const slot = slotOf(canvasElement);
      await expect(slot.getByRole('status')).toBeVisible();
      const second = canvasElement.querySelectorAll<HTMLButtonElement>('button[data-lead-id]')[1]!;
      await userEvent.click(second);
      // The initLead cleanup aborted the first deal's request (RTK's thunk abort).
      await expect(abort).toHaveBeenCalledTimes(1);
      await expect(await slot.findByText('Акт продления лицензий 2025.pdf', {}, { timeout: 3000 })).toBeVisible();
      await expect(slot.queryByText('Договор СВ-2026/0314.pdf')).toBeNull();
      await expect(seenRequests.slice(before).map((r) => r.leadId)).toContain('20471002');
    } finally {
      abort.mockRestore();
    }
  },
};

/** Story handlers answer their own story only: the next story has none for this URL. */
export const HandlersOfThisStory: Story = {
  parameters: { msw: { handlers: { story: [http.get('https://isolation.example/ping', () => HttpResponse.json({ pong: true }))] } } },
  play: async () => {
    await expect(await (await fetch('https://isolation.example/ping')).json()).toEqual({ pong: true });
  },
};

export const NoHandlersLeakFromTheStoryBefore: Story = {
  parameters: { workbench: { allowUnhandledRequests: true, doctor: ['unmocked-request'] } },
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expect(fetch('https://isolation.example/ping')).rejects.toThrow();
    await waitFor(() => expect(unhandledRequests()).toContainEqual({ method: 'GET', url: 'https://isolation.example/ping' }));
  },
};
