/**
 * What to tell a widget whose `define()` asks for an id the host does not provide. A typo gets the
 * closest provided id. A subpath of a provided package (`react-dom/client`, `lodash/debounce`) is
 * what bundlers write when an import path is marked external: the host answers only the package's
 * own id, so the advice says which id to name or what to bundle, never "bundle react-dom", which
 * would put a second React DOM beside the host's React.
 */
import { HOST_MODULE_IDS } from '../../common/hostModuleIds';
import { closestId } from './closestId';

export interface UnknownModuleAdvice {
  /** The provided id the widget most likely meant. */
  suggestion?: string;
  hint: string;
}

const PROVIDED = `The host provides: ${HOST_MODULE_IDS.join(', ')}.`;

export function unknownModuleAdvice(id: string): UnknownModuleAdvice {
  const base = HOST_MODULE_IDS.find((host) => id.startsWith(`${host}/`));
  if (base === 'react-dom' && id === 'react-dom/client') {
    return {
      suggestion: base,
      hint:
        'The host’s "react-dom" is react-dom merged with react-dom/client (createRoot, hydrateRoot): name it instead. ' +
        'Vite or rollup: output.paths { "react-dom/client": "react-dom" }; webpack: externals { "react-dom/client": "react-dom" }.',
    };
  }
  if (base === 'react' && /^react\/jsx(-dev)?-runtime$/.test(id)) {
    return {
      suggestion: base,
      hint: `"${id}" is not a host module: bundle it (keep only "react" external; the runtime takes React from the host's "react"), or compile JSX to React.createElement.`,
    };
  }
  if (base) {
    return { suggestion: base, hint: `The host provides "${base}" as a whole, not "${id}": use "${base}" itself, or bundle "${id}" into personal_page.js.` };
  }
  const suggestion = closestId(id, HOST_MODULE_IDS);
  return { suggestion, hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}${PROVIDED} Bundle anything else into personal_page.js.` };
}
