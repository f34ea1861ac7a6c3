/**
 * A parsed manifest.json checked against the schema (manifestSchema.ts): the manifest when it is
 * valid, and every problem found, each with its fix. A pure function of the JSON value, which is
 * what lets manifestCheckCache.ts remember its results.
 */
import type { FolderProblem } from '../../common/folderProblem.ts';
import { manifestSchema, type Manifest } from './manifestSchema.ts';

export interface ManifestCheck {
  manifest?: Manifest;
  problems: FolderProblem[];
}

export type CheckManifest = (raw: unknown) => ManifestCheck;

export function checkManifest(raw: unknown): ManifestCheck {
  const problems: FolderProblem[] = [];
  const result = manifestSchema().safeParse(raw);
  const locations = (raw as { locations?: unknown } | null)?.locations;
  if (Array.isArray(locations) && !locations.includes('personal_page')) {
    problems.push({
      code: 'no-personal-page-location',
      file: 'manifest.json',
      message: `"locations" does not include "personal_page" (it has: ${locations.join(', ') || 'nothing'}).`,
      fix: 'Add "personal_page" to "locations", or the client cabinet never loads the widget.',
    });
  }
  if (result.success) return { manifest: result.data, problems };
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const issue of result.error.issues) {
    const where = issue.path.join('.');
    if (where === 'widget.version' && issue.code === 'custom') {
      const version = (raw as { widget?: { version?: unknown } }).widget?.version;
      problems.push({
        code: 'bad-version',
        file: 'manifest.json',
        message: `widget.version ${JSON.stringify(version)} is not a version.`,
        fix: 'Use a semantic version such as "1.0.0".',
      });
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      missing.push(where);
    } else {
      wrong.push(`${where}: ${issue.message}`);
    }
  }
  if (missing.length || wrong.length) {
    problems.push({
      code: 'manifest-fields',
      file: 'manifest.json',
      message: [missing.length ? `Required fields missing: ${missing.join(', ')}.` : '', wrong.length ? `Wrong values: ${wrong.join('; ')}.` : '']
        .filter(Boolean)
        .join(' '),
      fix: 'Every widget needs widget.name, description, short_description, version, interface_version, locale, installation, and "locations".',
    });
  }
  return { problems };
}
