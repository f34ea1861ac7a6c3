import type { Phase } from './phases';

/** A widget failure as the developer sees it: which widget, in which phase, why, and what to do. */
export class WidgetFailure extends Error {
  constructor(
    readonly widget: string,
    readonly phase: Phase,
    readonly reason: string,
    readonly hint?: string,
    readonly original?: unknown,
  ) {
    super(`Widget "${widget}" failed in ${phase}: ${reason}`);
    this.name = 'WidgetFailure';
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return `a non-Error value was thrown: ${safeString(error)}`;
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
