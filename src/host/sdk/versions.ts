import validVersion from 'semver/functions/valid';

/** SDK versions the workbench emulates. The documentation's example uses 1.0.0, the only one published. */
export const SUPPORTED_SDK_VERSIONS = ['1.0.0'] as const;

export class SdkVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SdkVersionError';
  }
}

/** Throws a specific error for a missing, malformed or unknown version. */
export function assertSdkVersion(options: unknown): string {
  const supported = SUPPORTED_SDK_VERSIONS.join(', ');
  if (options === null || typeof options !== 'object' || !('version' in options) || options.version === undefined) {
    throw new SdkVersionError(
      `initAmocrmWidgetSdk: options.version is required, e.g. initAmocrmWidgetSdk({ version: '1.0.0' }). ` + `Supported versions: ${supported}.`,
    );
  }
  const { version } = options as { version: unknown };
  if (typeof version !== 'string' || !validVersion(version)) {
    throw new SdkVersionError(
      `initAmocrmWidgetSdk: version ${JSON.stringify(version)} is not a version (expected x.y.z). ` + `Supported versions: ${supported}.`,
    );
  }
  if (!(SUPPORTED_SDK_VERSIONS as readonly string[]).includes(version)) {
    throw new SdkVersionError(`initAmocrmWidgetSdk: unknown SDK version "${version}". Supported versions: ${supported}.`);
  }
  return version;
}
