/** The channel event the preview sends the "Widget doctor" panel: every finding of the story so far. */
export const DOCTOR_EVENT = 'amo-workbench/widget-doctor';
export const DOCTOR_PANEL_ID = 'amo-workbench/widget-doctor/panel';
