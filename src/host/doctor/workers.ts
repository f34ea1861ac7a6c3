/**
 * The Web Workers a widget starts. Those still running after its cleanups are a leak (one more with
 * every deal; checkCleanups.ts), terminated when the widget is let go. One that did not run is named:
 * its script did not load (a bundler's automatic public path, looked up from the page's last
 * <script> after an AMD module's factory runs, points outside the widget's folder), or it threw (a
 * worker chunk wrapped in `define`, which a worker does not have, throws as it starts; its first
 * error is reported). The widget sees only an `error` event, often without a message; the doctor
 * names the file and the fix.
 */
import type { FindingCode } from './findings';
import { resourcesOf } from './resources';
import { currentOwner, inScriptFolder } from './stackOwner';

interface Watcher {
  widget: string;
  scriptUrl: string;
  report(code: FindingCode, message: string): void;
}

const watchers = new Map<string, Watcher>();
/** The list each worker is on (its widget's running workers), to take it off without looking the widget up. */
const listOf = new WeakMap<Worker, Map<Worker, string>>();
let installed = false;

/** Reports the failures of the workers `owner`'s code starts, until the returned function is called. */
export function watchWorkers(owner: string, watcher: Watcher): () => void {
  install();
  watchers.set(owner, watcher);
  return () => {
    if (watchers.get(owner) === watcher) watchers.delete(owner);
  };
}

/** A worker terminated, or one whose script never loaded: nothing runs. */
function forget(worker: Worker): void {
  listOf.get(worker)?.delete(worker);
  listOf.delete(worker);
}

function install(): void {
  if (installed || typeof Worker !== 'function') return;
  installed = true;
  // A terminated worker is the widget's no more (resources.ts lists the running ones for the doctor).
  const terminate = Worker.prototype.terminate;
  Worker.prototype.terminate = function (this: Worker) {
    forget(this);
    terminate.call(this);
  };
  window.Worker = new Proxy(Worker, {
    construct(target, args, newTarget) {
      const worker = Reflect.construct(target, args, newTarget) as Worker;
      const owner = currentOwner();
      const watcher = owner === undefined ? undefined : watchers.get(owner);
      const url = new URL(String(args[0]), document.baseURI).href;
      if (owner !== undefined) {
        const { workers } = resourcesOf(owner);
        workers.set(worker, url);
        listOf.set(worker, workers);
      }
      if (watcher) {
        const onError = (event: Event) => {
          if (!(event as ErrorEvent).message) forget(worker);
          void describe(watcher, url, event as ErrorEvent).then(([code, message]) => watcher.report(code, message));
        };
        worker.addEventListener('error', onError, { once: true });
      }
      return worker;
    },
  });
}

async function describe({ widget, scriptUrl }: Watcher, url: string, event: ErrorEvent): Promise<[FindingCode, string]> {
  const relative = inScriptFolder(scriptUrl, url);
  const shown = relative ?? url;
  if (event.message) {
    const amd = /\b(define|require) is not defined\b/.test(event.message);
    return [
      'uncaught-error',
      `${widget}'s Web Worker ${shown} threw: ${event.message}.${
        amd
          ? ' Its script is wrapped as an AMD module, and a worker has no require.js: give the library type to the widget\'s entry only (webpack: entry: { personal_page: { import, library: { type: "amd" } } }).'
          : ''
      }`,
    ];
  }
  const status = await fetch(url, { cache: 'no-store' }).then(
    (response) => `the server answered ${response.status}`,
    (error: unknown) => `the request failed (${String(error)})`,
  );
  const advice =
    relative !== undefined
      ? `Check that ${shown} is in the widget's folder.`
      : "It is outside the widget's folder: a bundler's automatic public path found another script of the page (an AMD module's code runs after its script). Set it from the module's URL (webpack: __webpack_public_path__ = module.uri.replace(/[^/]*$/, ''), with 'module' an AMD external).";
  return ['module-not-loaded', `${widget} started a Web Worker from ${shown}, which did not load (${status}). ${advice}`];
}
