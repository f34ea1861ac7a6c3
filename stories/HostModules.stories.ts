import type { Meta, StoryObj } from '@storybook/html-vite';
import { expect, waitFor } from 'storybook/test';
import { HOST_MODULE_IDS } from '../src/common/hostModuleIds';
import { cabinetOf } from '../src/preview/cabinetOf';
import { fixtureWidget } from './fixtureWidgets';

/**
 * A widget that `define`s all 13 host modules and checks each value's shape and the SDK's rules
 * from the inside (tests/fixtures/widgets/probe).
 */
const meta = {
  title: 'Workbench/Host modules',
  // The probe breaks SDK rules on purpose, to check the host refuses them: the doctor notices.
  parameters: { workbench: { widgets: [fixtureWidget('probe')], doctor: ['bad-sdk-version', 'unknown-entity', 'mutated-snapshot'] } },
} satisfies Meta;
export default meta;

export const AllThirteen: StoryObj = {
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    const report = await waitFor(() => {
      const pre = canvasElement.querySelector('[data-probe-report]');
      if (!pre) throw new Error('probe report not rendered yet');
      return JSON.parse(pre.textContent!) as { checks: { name: string; ok: boolean; detail: string }[] };
    });
    const failed = report.checks.filter((c) => !c.ok);
    await expect(failed).toEqual([]);
    await expect(report.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['jquery', 'react', 'react-dom', 'lodash', 'import-modules resolves', 'import-modules rejects']),
    );
    await expect([...cabinet.amd.loadedHostModules].sort()).toEqual([...HOST_MODULE_IDS].sort());
  },
};
