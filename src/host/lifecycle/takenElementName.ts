/**
 * The element name of a `customElements.define` that failed because the name is taken (Chromium's
 * wording), for the advice beside the failure; undefined for any other error.
 */
import { messageOf } from './widgetFailure';

export function takenElementName(error: unknown): string | undefined {
  const message = messageOf(error);
  return /CustomElementRegistry/.test(message) ? /the name "([^"]+)" has already been used/.exec(message)?.[1] : undefined;
}
