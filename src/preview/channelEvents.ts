/** The channel event the preview sends the manager: every problem record of the story so far (src/preview/problemRecords.ts). */
export const PROBLEMS_EVENT = 'amo-workbench/problems';
export const DOCTOR_PANEL_ID = 'amo-workbench/widget-doctor/panel';
/** The sidebar status type the workbench sets through Storybook's status store. */
export const PROBLEMS_STATUS_TYPE_ID = 'amo-workbench/problems';
