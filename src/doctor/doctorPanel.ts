/**
 * The "Widget doctor" panel of the Storybook manager: the current story's findings, one line each
 * (code, widget, message), live as the preview reports them. Registered by .storybook/manager.ts.
 */
import React from 'react';
import { addons, types, useChannel, useStorybookState } from 'storybook/manager-api';
import { DOCTOR_EVENT, DOCTOR_PANEL_ID } from './channelEvents';
import type { Finding } from './findings';

const h = React.createElement;

function DoctorPanel(): React.ReactElement {
  const { storyId } = useStorybookState();
  const [state, setState] = React.useState<{ storyId?: string; findings: Finding[] }>({ findings: [] });
  useChannel({ [DOCTOR_EVENT]: (payload: { storyId: string; findings: Finding[] }) => setState(payload) });
  const findings = state.storyId === storyId ? state.findings : [];
  if (!findings.length) {
    return h('p', { style: { padding: 12, margin: 0, fontSize: 13 } }, 'No findings: no leaks, no contract or SDK misuse, no unmocked request so far.');
  }
  return h(
    'ul',
    { style: { listStyle: 'none', margin: 0, padding: 0, fontSize: 13 }, 'data-doctor-findings': findings.length },
    ...findings.map((f, i) =>
      h(
        'li',
        { key: i, style: { padding: '8px 12px', borderBottom: '1px solid rgba(0,0,0,.08)' }, 'data-code': f.code },
        h('code', { style: { color: '#b4232c', fontWeight: 600, marginRight: 8 } }, f.code),
        f.message,
      ),
    ),
  );
}

export function registerDoctorPanel(): void {
  addons.register('amo-workbench/widget-doctor', () => {
    addons.add(DOCTOR_PANEL_ID, {
      type: types.PANEL,
      title: 'Widget doctor',
      render: ({ active }) => (active ? h(DoctorPanel) : null),
    });
  });
}
