/** The moments of a widget's life the workbench names in its errors and its log. */
export const PHASES = {
  load: 'load',
  factory: 'factory',
  contract: 'contract',
  initLead: 'initLead',
  registerWidgetsBarSlot: 'registerWidgetsBarSlot',
  slotCleanup: 'slot cleanup',
  initLeadCleanup: 'initLead cleanup',
} as const;

export type Phase = (typeof PHASES)[keyof typeof PHASES];
