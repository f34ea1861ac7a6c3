export const REQUIRED_CALLBACKS = ['initLead', 'registerWidgetsBarSlot'];
