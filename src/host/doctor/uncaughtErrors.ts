/**
 * Errors a widget's code throws outside its callbacks (a timer, an event handler, a promise chain)
 * and nobody catches: the real host only logs them, and the widget is left half working. Each one
 * whose stack (or, for an error event, whose file) names the widget's script is an `uncaught-error`
 * finding of that widget. It is also logged with its stack, as the browser would; the browser's own
 * report is stopped, so it does not fail unrelated stories as an "unhandled error" of the page.
 */
import { messageOf } from '../lifecycle/widgetFailure';
import { inScriptFolder, scriptKey } from './stackOwner';

export function trackUncaughtErrors(scriptUrl: string, widget: string, report: (message: string) => void): () => void {
  const url = scriptKey(scriptUrl);
  const ours = (error: unknown, file?: string) => (file !== undefined && scriptKey(file) === url) || stackOf(error).includes(url);
  const onError = (event: ErrorEvent) => {
    if (!ours(event.error, event.filename)) return;
    event.preventDefault();
    console.error(`[workbench] ${widget} threw, uncaught:`, event.error ?? event.message);
    report(
      `${widget} threw outside its callbacks, uncaught: ${oneLine(event.error === undefined ? event.message : messageOf(event.error))}.${hintFor(event.error, scriptUrl)}`,
    );
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    if (!ours(event.reason)) return;
    event.preventDefault();
    console.error(`[workbench] ${widget} left a promise rejection unhandled:`, event.reason);
    report(`${widget} left a promise rejection unhandled: ${oneLine(messageOf(event.reason))}.${hintFor(event.reason, scriptUrl)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');

function stackOf(error: unknown): string {
  return typeof (error as { stack?: unknown } | null)?.stack === 'string' ? (error as { stack: string }).stack : '';
}

/**
 * webpack's `publicPath: 'auto'` looks for the bundle's own <script> when its runtime starts; in an
 * AMD library that runtime runs in the define factory, after the script ran, so it takes another
 * script of the page and asks for its chunks there (webpack/webpack#7968).
 */
function hintFor(error: unknown, scriptUrl: string): string {
  const message = error instanceof Error ? error.message : '';
  if ((error as Error | undefined)?.name !== 'ChunkLoadError') return '';
  const url = /\(error: (\S+)\)/.exec(message)?.[1] ?? /https?:\/\/\S+/.exec(message)?.[0];
  if (!url || inScriptFolder(scriptUrl, url) !== undefined) return '';
  return (
    " The chunk was looked for outside the widget's folder: webpack's publicPath 'auto' cannot find an AMD module's own script." +
    " Set __webpack_public_path__ from the module's URL (define's 'module' dependency: module.uri) or give output.publicPath."
  );
}
