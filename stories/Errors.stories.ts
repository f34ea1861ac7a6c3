import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { PHASES, type Phase } from '../src/host/lifecycle/phases';
import { cabinetOf } from '../src/preview/cabinetOf';
import { fixtureWidget, helloWorld } from './fixtureWidgets';

/**
 * Every way a widget can fail, each with the fixture widget that fails that way
 * (tests/fixtures/widgets). The slot area shows the widget's name, the phase and the cause; the
 * healthy hello-world widget beside it keeps working.
 */
const meta = {
  title: 'Errors',
} satisfies Meta;
export default meta;

type Story = StoryObj;

function failureStory(folder: string, phase: Phase, cause: RegExp, extra: Record<string, unknown> = {}): Story {
  return {
    parameters: {
      workbench: { widgets: [fixtureWidget(folder), helloWorld], expectFailures: [phase], ...extra },
    },
    play: async ({ canvasElement }) => {
      await cabinetOf(canvasElement);
      await expectFailureShown(canvasElement, folder, phase, cause);
    },
  };
}

async function expectFailureShown(canvasElement: HTMLElement, widget: string, phase: Phase, cause: RegExp) {
  const panel = canvasElement.querySelector<HTMLElement>(`[data-widget="${widget}"]`)!;
  const alert = await within(panel).findByRole('alert');
  await expect(alert).toHaveAttribute('data-phase', phase);
  await expect(alert).toHaveTextContent(widget);
  await expect(alert).toHaveTextContent(phase);
  await expect(alert.querySelector('.amo-widget__error-cause')?.textContent).toMatch(cause);
  // The rest of the cabinet keeps working.
  await expect(within(canvasElement).getByText('Hello world!')).toBeVisible();
}

export const Script404 = failureStory('does-not-exist', PHASES.load, /could not load .*does-not-exist\/personal_page\.js: the server answered 404/);

export const SyntaxError = failureStory('syntax-error', PHASES.load, /SyntaxError|Unexpected token.*personal_page\.js:\d+:\d+/);

export const NoDefine = failureStory('no-define', PHASES.load, /personal_page\.js ran but never called define\(\)/);

export const NamedDefine = failureStory(
  'named-define',
  PHASES.load,
  /personal_page\.js called define\(\) with a module id of its own \("named-define-widget"\)/,
);

export const ThrowsBeforeDefine = failureStory('throws-before-define', PHASES.load, /TypeError.*apiUrl.*personal_page\.js:2:\d+/);

export const FactoryThrows = failureStory('factory-throws', PHASES.factory, /the define\(\) factory threw: API_URL is not configured/);

export const MissingCallback = failureStory(
  'missing-callback',
  PHASES.contract,
  /no registerWidgetsBarSlot function \(required\)\. Its keys: initLead, registerWidgetBarSlot/,
  { doctor: ['bad-callback'] },
);

export const InitLeadThrows = failureStory('init-lead-throws', PHASES.initLead, /initLead threw: TypeError: Cannot read the deal from token string/);

export const RegisterSlotThrows = failureStory('slot-throws', PHASES.registerWidgetsBarSlot, /registerWidgetsBarSlot threw: slot template not found/);

export const InitLeadPromiseRejects = failureStory('init-lead-rejects', PHASES.initLead, /initLead's Promise rejected: backend answered 401/, {
  doctor: ['async-init-lead'],
});

export const UnknownModule: Story = {
  ...failureStory('unknown-module', PHASES.load, /define\(\) asks for module "jqeury", which the host does not provide/, { doctor: ['unknown-module'] }),
  play: async ({ canvasElement }) => {
    await cabinetOf(canvasElement);
    await expectFailureShown(canvasElement, 'unknown-module', PHASES.load, /"jqeury"/);
    const hint = canvasElement.querySelector('[data-widget="unknown-module"] .amo-widget__error-hint')!;
    await expect(hint).toHaveTextContent('Did you mean "jquery"?');
    await expect(hint).toHaveTextContent(
      'The host provides: amocrm-sdk, import-modules, jquery, react, react-dom, @reduxjs/toolkit, react-redux, immer.produce, immer.current, nanoid, classnames, dateformat, lodash.',
    );
  },
};

export const RequireTimeout = failureStory('timeout', PHASES.load, /requirejs gave up after 1 s waiting for: .*never-ready!config/, {
  waitSeconds: 1,
});

/** The slot cleanup throws on a deal switch: shown, the initLead cleanup still runs, the next deal renders. */
export const CleanupThrows: Story = {
  parameters: {
    workbench: { widgets: [fixtureWidget('cleanup-throws'), helloWorld], expectFailures: [PHASES.slotCleanup] },
  },
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Deal visit 1')).toBeVisible();
    const before = (window as { __cleanupThrowsInitLeadCleanups?: number }).__cleanupThrowsInitLeadCleanups ?? 0;
    await userEvent.click(canvas.getByRole('button', { name: cabinetDealName(canvasElement, 1) }));
    await waitFor(() => expect(canvas.getByText('Deal visit 2')).toBeVisible());
    await expectFailureShown(canvasElement, 'cleanup-throws', PHASES.slotCleanup, /the slot cleanup threw: chart\.destroy is not a function/);
    await expect((window as { __cleanupThrowsInitLeadCleanups?: number }).__cleanupThrowsInitLeadCleanups).toBe(before + 1);
    await expect(cabinet.log.calls('cleanup-throws')).toEqual([
      'load',
      'initLead',
      'registerWidgetsBarSlot',
      'slot cleanup',
      'initLead cleanup',
      'initLead',
      'registerWidgetsBarSlot',
    ]);
  },
};

function cabinetDealName(canvasElement: HTMLElement, index: number): string {
  return canvasElement.querySelectorAll('button[data-lead-id]')[index]!.textContent!;
}
