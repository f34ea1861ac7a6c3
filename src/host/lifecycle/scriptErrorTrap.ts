/**
 * Catches the uncaught errors a widget script raises while it is evaluated (a syntax error, a throw
 * before `define`). The browser reports them on `window`, not to require.js, so without this the
 * slot would only say "no define call". The trap claims only errors from the widget's own script,
 * and stops them there: the workbench shows them in the slot, so they must not also fail unrelated
 * stories as "unhandled errors".
 */
export interface TrappedScriptError {
  message: string;
  line: number;
  column: number;
}

export function trapScriptErrors(scriptUrl: string): { errors: TrappedScriptError[]; release(): void } {
  const errors: TrappedScriptError[] = [];
  const onError = (event: ErrorEvent) => {
    if (event.filename !== scriptUrl) return;
    errors.push({ message: event.message, line: event.lineno, column: event.colno });
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  window.addEventListener('error', onError, true);
  return { errors, release: () => window.removeEventListener('error', onError, true) };
}
