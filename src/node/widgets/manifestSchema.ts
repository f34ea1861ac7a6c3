/**
 * manifest.json as amoCRM reads it, for what the client cabinet needs: the widget block (name,
 * descriptions, version, interface version, locales, installation flag) and the locations.
 */
import { createRequire } from 'node:module';
import semver from 'semver';
import type { z as zod } from 'zod';

function buildManifestSchema() {
  // zod's CommonJS build, loaded on this thread and on first use. Storybook imports main.ts (and so
  // this file) through ESM loader hooks that run on a worker thread, and each of zod's ~95 ESM files
  // made a round trip there (~75 ms of every start; ~40 ms this way). On first use, because a start
  // whose manifests were checked before needs no zod at all (manifestCheckCache.ts).
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  return z
    .object({
      widget: z
        .object({
          name: z.string().min(1),
          description: z.string().min(1),
          short_description: z.string().min(1),
          version: z.string().refine((v) => semver.valid(v) !== null, { message: 'not a version', params: { code: 'bad-version' } }),
          interface_version: z.number().int(),
          init_once: z.boolean().optional(),
          locale: z.array(z.string().min(2)).min(1),
          installation: z.boolean(),
        })
        .passthrough(),
      locations: z.array(z.string()),
      settings: z.record(z.string(), z.unknown()).optional(),
    })
    .passthrough();
}

let schema: ReturnType<typeof buildManifestSchema> | undefined;

/** The schema, built (and zod loaded) the first time it is asked for. */
export function manifestSchema(): ReturnType<typeof buildManifestSchema> {
  return (schema ??= buildManifestSchema());
}

export type Manifest = zod.infer<ReturnType<typeof buildManifestSchema>>;
