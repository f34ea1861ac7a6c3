/**
 * For a story (or a meta) that should be captured in every language and format mode: the tag the
 * offline run reads and the Chromatic modes, from one definition (src/common/modes.ts).
 */
import { DEFAULT_MODES, LOCALE_MODES_TAG, PRIMARY_MODE, visualModes } from './modes.ts';

declare const __VISUAL_MODES__: string | undefined;
const selection = typeof __VISUAL_MODES__ === 'string' ? __VISUAL_MODES__ : 'default';

export const localeModes = {
  tags: [LOCALE_MODES_TAG],
  chromatic: { modes: visualModes(selection) },
};

/** The project default: the primary mode alone. */
export const primaryModeOnly = { [PRIMARY_MODE]: DEFAULT_MODES[PRIMARY_MODE]! };
