/**
 * The disposable tokens a cabinet gives its widgets' initLead: one per call, signed with the
 * cabinet's token settings for the active deal, the `jti` made of the story, the widget and its
 * call count (so a story signs the same tokens on every run).
 */
import { signToken, type TokenSettings } from '../token';

export interface TokenIssuerOptions {
  settings: TokenSettings;
  storyId: string;
  leadId: () => string;
  now: () => number;
  /** Every token issued is appended here (the cabinet's `tokens`). */
  issued: string[];
}

export function tokenIssuer({ settings, storyId, leadId, now, issued }: TokenIssuerOptions): (widget: string) => Promise<string> {
  const callCounts = new Map<string, number>();
  return async (widget) => {
    const callIndex = callCounts.get(widget) ?? 0;
    callCounts.set(widget, callIndex + 1);
    const token = await signToken(settings, { storyId: `${storyId}/${widget}`, leadId: leadId(), callIndex, nowMs: now() });
    issued.push(token);
    return token;
  };
}
