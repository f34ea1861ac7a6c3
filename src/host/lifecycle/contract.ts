/**
 * The widget contract: what `personal_page.js`'s factory returns. Exported for widget authors.
 */
export type Cleanup = () => void;

export interface InitLeadParams {
  /** A JWT signed with the integration's client_secret (HS256). */
  token: string;
}

export interface PersonalPageWidget {
  /**
   * Called right after the module loads and whenever the active deal changes. May return a cleanup,
   * called when the user leaves the deal, always before the next `initLead`.
   */
  initLead(params: InitLeadParams): Cleanup | void;
  /**
   * Called during render, after `initLead` has finished, with an element carrying
   * `constants.GLOBAL_CLASS_NAMES.widgetBarItemContainer`. May return a cleanup, called when the
   * host destroys the widget's component.
   */
  registerWidgetsBarSlot(el: HTMLElement): Cleanup | void;
}

export const REQUIRED_CALLBACKS = ['initLead', 'registerWidgetsBarSlot'] as const;
