/**
 * The manager side of the story's problems (src/preview/problemRecords.ts), registered by
 * .storybook/manager.ts: the "Widget doctor" panel lists every record in full (code, widget,
 * message, where, fix), and the story's entry in the sidebar gets an error or warning status
 * through Storybook's status store, as the Vitest and accessibility addons mark stories. Both
 * follow the preview live, and a story whose problems are gone loses its status.
 */
import React from 'react';
import { addons, experimental_getStatusStore, types, useChannel, useStorybookState } from 'storybook/manager-api';
import type { ProblemRecord } from './problemRecords';
import { DOCTOR_PANEL_ID, PROBLEMS_EVENT, PROBLEMS_STATUS_TYPE_ID } from './channelEvents';

const h = React.createElement;

interface ProblemsPayload {
  storyId: string;
  records: ProblemRecord[];
}

const latest = new Map<string, ProblemRecord[]>();

function DoctorPanel(): React.ReactElement {
  const { storyId } = useStorybookState();
  const [, setVersion] = React.useState(0);
  useChannel({ [PROBLEMS_EVENT]: () => setVersion((v) => v + 1) });
  const records = latest.get(storyId) ?? [];
  if (!records.length) {
    return h(
      'p',
      { style: { padding: 12, margin: 0, fontSize: 13 } },
      'No problems: no widget failure, leak, contract or SDK misuse, unmocked request or folder problem so far.',
    );
  }
  return h(
    'ul',
    { style: { listStyle: 'none', margin: 0, padding: 0, fontSize: 13 }, 'data-doctor-findings': records.length },
    ...records.map((r, i) =>
      h(
        'li',
        { key: i, style: { padding: '8px 12px', borderBottom: '1px solid rgba(0,0,0,.08)' }, 'data-code': r.code, 'data-widget': r.widget },
        h('code', { style: { color: r.severity === 'error' && !r.expected ? '#b4232c' : '#8a6100', fontWeight: 600, marginRight: 8 } }, r.code),
        r.message,
        h(
          'div',
          { style: { color: '#5c6b7a', fontSize: 12, marginTop: 2 } },
          [`widget: ${r.widget}`, r.where ? `where: ${r.where}` : '', r.fix ? `fix: ${r.fix}` : '', r.expected ? 'expected by the story' : '']
            .filter(Boolean)
            .join(' · '),
        ),
      ),
    ),
  );
}

function setSidebarStatus({ storyId, records }: ProblemsPayload): void {
  const store = experimental_getStatusStore(PROBLEMS_STATUS_TYPE_ID);
  if (!records.length) return store.unset([storyId]);
  const unexpectedError = records.some((r) => r.severity === 'error' && !r.expected);
  store.set([
    {
      storyId,
      typeId: PROBLEMS_STATUS_TYPE_ID,
      value: unexpectedError ? 'status-value:error' : 'status-value:warning',
      title: 'Widget problems',
      description: records.map((r) => `${r.code}: ${r.message}`).join('\n'),
      sidebarContextMenu: false,
    },
  ]);
}

export function registerDoctorPanel(): void {
  addons.register('amo-workbench/widget-doctor', (api) => {
    api.on(PROBLEMS_EVENT, (payload: ProblemsPayload) => {
      latest.set(payload.storyId, payload.records);
      setSidebarStatus(payload);
    });
    addons.add(DOCTOR_PANEL_ID, {
      type: types.PANEL,
      title: 'Widget doctor',
      render: ({ active }) => (active ? h(DoctorPanel) : null),
    });
  });
}
