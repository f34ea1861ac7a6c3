/**
 * `initAmocrmWidgetSdk`, bound to one cabinet's host state: the value requirejs hands a widget for
 * the `amocrm-sdk` id. Each cabinet gets its own, so two stories never share state.
 */
import { CONSTANTS } from '../../common/constants';
import { assertPublicEntity } from './entities';
import type { HostState } from './hostState';
import type { RouterQuery } from './models';
import type { InitAmocrmWidgetSdk, WidgetSdk, WidgetSdkMethods } from './sdkTypes';
import { assertSdkVersion } from './versions';

export interface SdkHost {
  state: HostState;
  /** The router query of the active deal, read at call time so it follows deal switches. */
  routerQuery(): RouterQuery;
}

export function createInitAmocrmWidgetSdk(host: SdkHost): InitAmocrmWidgetSdk {
  return function initAmocrmWidgetSdk(options) {
    assertSdkVersion(options);
    const methods: WidgetSdkMethods = {
      getState: (entityName) => host.state.get(entityName),
      subscribe: (entityName, callback, subscribeOptions) => {
        assertPublicEntity(entityName, 'subscribe');
        return host.state.subscribe(entityName, callback, subscribeOptions);
      },
      getRouterQuery: () => ({ ...host.routerQuery() }),
    };
    const sdk: WidgetSdk = { methods: Object.freeze(methods), constants: CONSTANTS };
    return Object.freeze(sdk);
  };
}
