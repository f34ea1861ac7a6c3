/**
 * manifest.json as amoCRM reads it, for what the client cabinet needs: the widget block (name,
 * descriptions, version, interface version, locales, installation flag) and the locations.
 */
import { createRequire } from 'node:module';
import semver from 'semver';
import type { z as zod } from 'zod';

// zod's CommonJS build, loaded on this thread. Storybook imports main.ts (and so this file) through
// ESM loader hooks that run on a worker thread, and each of zod's ~95 ESM files made a round trip
// there: ~75 ms of every `storybook dev` and `storybook build` start, ~40 ms this way. Only this
// file uses zod, so there is one zod either way.
const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');

export const manifestSchema = z.object({
  widget: z.object({
    name: z.string().min(1),
    description: z.string().min(1),
    short_description: z.string().min(1),
    version: z.string().refine((v) => semver.valid(v) !== null, { message: 'not a version', params: { code: 'bad-version' } }),
    interface_version: z.number().int(),
    init_once: z.boolean().optional(),
    locale: z.array(z.string().min(2)).min(1),
    installation: z.boolean(),
  }).passthrough(),
  locations: z.array(z.string()),
  settings: z.record(z.string(), z.unknown()).optional(),
}).passthrough();

export type Manifest = zod.infer<typeof manifestSchema>;
