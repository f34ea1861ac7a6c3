/**
 * manifest.json as amoCRM reads it, for what the client cabinet needs: the widget block (name,
 * descriptions, version, interface version, locales, installation flag) and the locations.
 */
import semver from 'semver';
import { z } from 'zod';

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

export type Manifest = z.infer<typeof manifestSchema>;
