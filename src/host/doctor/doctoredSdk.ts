/**
 * The `amocrm-sdk` one widget gets: the cabinet's SDK, watched. It counts the widget's live
 * subscriptions (leaked-subscription), reports SDK misuse even when the widget catches the error
 * (bad-sdk-version, unknown-entity), and hands out snapshots that report writes (mutated-snapshot).
 */
import { isPublicEntity } from '../sdk/entities';
import type { InitAmocrmWidgetSdk, WidgetSdk } from '../sdk/sdkTypes';
import { SdkVersionError } from '../sdk/versions';
import type { Doctor } from './findings';
import { guardSnapshot } from './guardSnapshot';

export interface DoctoredSdk {
  init: InitAmocrmWidgetSdk;
  /**
   * Entities of this widget's subscriptions not unsubscribed yet. Those made while the module was
   * evaluated live with the module and are left out unless asked for.
   */
  activeSubscriptions(includeModuleLevel?: boolean): string[];
}

/** `moduleLevel()`: true while the widget's module is evaluated, before its first initLead. */
export function doctoredSdk(init: InitAmocrmWidgetSdk, widget: string, doctor: Doctor, moduleLevel: () => boolean = () => false): DoctoredSdk {
  const active = new Map<() => void, { entity: string; moduleLevel: boolean }>();
  const guarded = new WeakMap<object, unknown>();
  const guard = <T>(entity: string, snapshot: T): T => {
    if (snapshot === null || typeof snapshot !== 'object') return snapshot;
    let proxy = guarded.get(snapshot) as T | undefined;
    if (!proxy) {
      proxy = guardSnapshot(snapshot, (path) =>
        doctor.report(
          'mutated-snapshot',
          widget,
          `${widget} tried to change ${entity}.${path} of a getState/subscribe snapshot; host state is read-only, copy it first.`,
        ),
      );
      guarded.set(snapshot, proxy);
    }
    return proxy;
  };
  const checkEntity = (method: string, entity: unknown) => {
    if (!isPublicEntity(entity)) {
      doctor.report(
        'unknown-entity',
        widget,
        `${widget} called ${method}(${JSON.stringify(entity)}): not one of PUBLIC_STATE_ENTITIES (sys, lead, leadFields, authors).`,
      );
    }
  };

  const watched: InitAmocrmWidgetSdk = (options) => {
    let sdk: WidgetSdk;
    try {
      sdk = init(options);
    } catch (error) {
      if (error instanceof SdkVersionError) doctor.report('bad-sdk-version', widget, `${widget}: ${error.message}`);
      throw error;
    }
    return Object.freeze({
      constants: sdk.constants,
      methods: Object.freeze({
        getState: ((entity: Parameters<typeof sdk.methods.getState>[0]) => {
          checkEntity('getState', entity);
          return guard(entity, sdk.methods.getState(entity));
        }) as typeof sdk.methods.getState,
        subscribe: ((
          entity: Parameters<typeof sdk.methods.subscribe>[0],
          callback: (model: unknown) => void,
          options?: Parameters<typeof sdk.methods.subscribe>[2],
        ) => {
          checkEntity('subscribe', entity);
          const unsubscribe = sdk.methods.subscribe(entity, (model) => callback(guard(entity, model)), options);
          const tracked = () => {
            active.delete(tracked);
            unsubscribe();
          };
          active.set(tracked, { entity, moduleLevel: moduleLevel() });
          return tracked;
        }) as typeof sdk.methods.subscribe,
        getRouterQuery: sdk.methods.getRouterQuery,
      }),
    });
  };
  return {
    init: watched,
    activeSubscriptions: (includeModuleLevel = false) => [...active.values()].filter((s) => includeModuleLevel || !s.moduleLevel).map((s) => s.entity),
  };
}
