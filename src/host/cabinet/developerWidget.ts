/**
 * `window.AMOCRM.developer.addWidget({ script, token })`, as amoCRM's client cabinet provides it:
 * adds a widget by the URL of its script, as if it came from the amoCRM backend. Only that widget
 * is shown afterwards, `token` goes to initLead as given (empty allowed), and a deal switch resets it.
 */
import type { WidgetSource } from './createCabinet';
import { mountedCabinets } from './mountedCabinets';

export interface AddWidgetParams {
  /** URL of the widget's personal_page.js, e.g. http://localhost:3000/personal_page.js. */
  script: string;
  /** Passed to initLead as is; may be empty when only the front end is tested. */
  token?: string;
}

export function developerWidgetSource(params: AddWidgetParams): WidgetSource {
  if (params === null || typeof params !== 'object') {
    throw new TypeError('AMOCRM.developer.addWidget({ script, token }): pass an object with the script URL.');
  }
  const { script, token = '' } = params;
  if (typeof script !== 'string' || !script.trim()) {
    throw new TypeError(`AMOCRM.developer.addWidget: "script" must be the URL of personal_page.js, got ${JSON.stringify(script)}.`);
  }
  if (typeof token !== 'string') throw new TypeError(`AMOCRM.developer.addWidget: "token" must be a string (may be empty), got ${typeof token}.`);
  const url = new URL(script, document.baseURI);
  return { name: url.href, script: url.href, token };
}

declare global {
  interface Window {
    AMOCRM?: { developer?: { addWidget(params: AddWidgetParams): void } };
  }
}

/** Installs `window.AMOCRM.developer.addWidget`, acting on the cabinet mounted last. */
export function installDeveloperUtils(): void {
  window.AMOCRM ??= {};
  window.AMOCRM.developer = {
    addWidget(params) {
      const cabinet = mountedCabinets().at(-1);
      if (!cabinet) throw new Error('AMOCRM.developer.addWidget: no client cabinet is mounted on this page.');
      developerWidgetSource(params); // throws here, in the caller's console, on bad arguments
      void cabinet.addWidget(params);
    },
  };
}
