import semver from 'semver';
/** SDK versions the workbench emulates. The documentation's example uses 1.0.0, the only one published. */
export const SUPPORTED_SDK_VERSIONS = ['1.0.0'];
export class SdkVersionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SdkVersionError';
    }
}
/** Throws a specific error for a missing, malformed or unknown version. */
export function assertSdkVersion(options) {
    const supported = SUPPORTED_SDK_VERSIONS.join(', ');
    if (options === null || typeof options !== 'object' || !('version' in options) || options.version === undefined) {
        throw new SdkVersionError(`initAmocrmWidgetSdk: options.version is required, e.g. initAmocrmWidgetSdk({ version: '1.0.0' }). ` +
            `Supported versions: ${supported}.`);
    }
    const { version } = options;
    if (typeof version !== 'string' || !semver.valid(version)) {
        throw new SdkVersionError(`initAmocrmWidgetSdk: version ${JSON.stringify(version)} is not a version (expected x.y.z). ` +
            `Supported versions: ${supported}.`);
    }
    if (!SUPPORTED_SDK_VERSIONS.includes(version)) {
        throw new SdkVersionError(`initAmocrmWidgetSdk: unknown SDK version "${version}". Supported versions: ${supported}.`);
    }
    return version;
}
