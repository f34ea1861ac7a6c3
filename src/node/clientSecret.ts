/**
 * WIDGET_CLIENT_SECRET for the browser. `storybook dev` and the tests use it freely; a static build
 * is published, so it refuses to embed a real secret unless the developer says so.
 */
import { DEFAULT_CLIENT_SECRET } from '../common/defaultClientSecret.ts';

export const SECRET_OPT_IN = 'WIDGET_CLIENT_SECRET_IN_BUILD';

export class SecretInBuildError extends Error {
  constructor() {
    super(
      `WIDGET_CLIENT_SECRET is set, and a static build would embed it in the published JavaScript, where anyone ` +
        `could read it and sign tokens for your integration. Build without it (stories then use the documented test ` +
        `secret), or, if this build stays private, opt in with ${SECRET_OPT_IN}=1.`,
    );
    this.name = 'SecretInBuildError';
  }
}

/** The `define` entry that puts the secret in the preview, or an error for a build. */
export function clientSecretDefine(env: NodeJS.ProcessEnv, isBuild: boolean): Record<string, string> {
  const secret = env.WIDGET_CLIENT_SECRET;
  if (isBuild && secret && secret !== DEFAULT_CLIENT_SECRET && env[SECRET_OPT_IN] !== '1') throw new SecretInBuildError();
  return { __WIDGET_CLIENT_SECRET__: JSON.stringify(secret ?? '') };
}
