/**
 * Turns a require.js error (its `requireType`, `requireModules`, `originalError`) into what the
 * developer needs: the phase, the cause in words, and the fix.
 */
import { isHostModuleId } from '../../common/hostModuleIds';
import { PHASES } from './phases';
import type { TrappedScriptError } from './scriptErrorTrap';
import { unknownModuleAdvice } from './unknownModuleAdvice';
import { takenElementName } from './takenElementName';
import { WidgetFailure, messageOf } from './widgetFailure';

export interface LoadFailureContext {
  widget: string;
  scriptUrl: string;
  unknownIds: ReadonlySet<string>;
  scriptErrors: readonly TrappedScriptError[];
  /** Ids the script passed to define() (namedDefines.ts): a named module is never the one loaded. */
  namedDefines?: readonly string[];
  waitSeconds: number;
}

export async function describeLoadFailure(error: unknown, ctx: LoadFailureContext): Promise<WidgetFailure> {
  const requireError = error as Partial<RequireError> & { requireType?: string };
  const ids = requireError.requireModules ?? [];
  const { widget, scriptUrl } = ctx;
  const fail = (phase: (typeof PHASES)[keyof typeof PHASES], cause: string, hint?: string) => new WidgetFailure(widget, phase, cause, hint, error);

  const unknown = ids.find((id) => ctx.unknownIds.has(id));
  if (unknown) {
    return fail(PHASES.load, `define() asks for module "${unknown}", which the host does not provide.`, unknownModuleAdvice(unknown).hint);
  }

  switch (requireError.requireType) {
    case 'scripterror':
      return fail(
        PHASES.load,
        `could not load ${ids[0] ?? scriptUrl}: ${await fetchOutcome(ids[0] ?? scriptUrl)}.`,
        'Check the script URL, and that the server hosting it is running.',
      );
    case 'nodefine': {
      const thrown = ctx.scriptErrors[0];
      if (thrown) {
        return fail(
          PHASES.load,
          `${thrown.message} (${fileName(scriptUrl)}:${thrown.line}:${thrown.column})`,
          /import statement outside a module|Unexpected token 'export'|import\.meta/.test(thrown.message)
            ? 'personal_page.js is an ES module; the host loads it with require.js as a plain script. Build it as AMD: define([...host ids], factory) (webpack: output.library.type "amd"; Vite: build.lib formats ["umd"]).'
            : /\b(?:module|exports|require) is not defined\b/.test(thrown.message)
              ? 'personal_page.js is a CommonJS bundle (module.exports, require); the host loads it with require.js as a plain script. Build it as AMD: define([...host ids], factory) (webpack: output.library.type "amd"; Vite: build.lib formats ["umd"]).'
              : /syntax/i.test(thrown.message)
                ? 'Fix the syntax error; the browser could not parse the script.'
                : 'The script threw while it was evaluated, before it called define().',
        );
      }
      const named = ctx.namedDefines ?? [];
      if (named.length) {
        return fail(
          PHASES.load,
          `${fileName(ids[0] ?? scriptUrl)} called define() with a module id of its own (${named.map((id) => `"${id}"`).join(', ')}), never anonymously: the host loads the script by its URL and never asks for that id.`,
          `Build the AMD module without a name, define([...host ids], factory): rollup without output.amd.id, webpack with output.library { type: "amd" } and no name. TypeScript's outFile names every module after its file: end the file with an anonymous define(["${named.at(-1)}"], function (main) { return main; }).`,
        );
      }
      return fail(
        PHASES.load,
        `${fileName(ids[0] ?? scriptUrl)} ran but never called define().`,
        'Wrap the widget in define([\'amocrm-sdk\', ...], function (initAmocrmWidgetSdk, ...) { return { initLead, registerWidgetsBarSlot }; }), or build it as AMD: webpack output.library.type "amd" (not "amd-require", which calls require() and returns nothing), rollup output.format "amd", Vite build.lib formats ["umd"] (esbuild, Bun and Parcel write no AMD: wrap their iife output in define([...], function (...) { ...; return the widget; }) with a banner and a footer).',
      );
    }
    case 'timeout':
      return fail(
        PHASES.load,
        `requirejs gave up after ${ctx.waitSeconds} s waiting for: ${ids.join(', ')}.`,
        'A dependency never finished loading (a slow server, or a loader plugin that never calls onload).',
      );
    case 'define': {
      const failed = ids[0];
      if (failed && isHostModuleId(failed)) {
        return fail(PHASES.load, `host module "${failed}" failed to load: ${messageOf(requireError.originalError)}`);
      }
      const cause = requireError.originalError ?? error;
      const taken = takenElementName(cause);
      return fail(
        PHASES.factory,
        `the define() factory threw: ${messageOf(cause)}`,
        taken
          ? `Another widget or the page already defined <${taken}>: in amoCRM widgets share one page and one custom-element registry. Give your elements a prefix of your own (acme-${taken}), or define a name only when customElements.get(name) is empty.`
          : 'The factory runs once, when the module loads; look at the code around initAmocrmWidgetSdk(...).',
      );
    }
    default:
      return fail(PHASES.load, messageOf(error));
  }
}

async function fetchOutcome(url: string): Promise<string> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return response.ok
      ? `the server answered ${response.status}, but the browser refused the script (check its Content-Type)`
      : `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  } catch (error) {
    return `the request failed (${messageOf(error)})`;
  }
}

/** `personal_page.js` of its URL, without the `?v=` the workbench adds for live reload. */
function fileName(url: string): string {
  const path = url.split(/[?#]/)[0]!;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}
