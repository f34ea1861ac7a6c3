/** The shape of `initAmocrmWidgetSdk` and the instance it returns, typed for widget authors. */
import type { Constants, PublicStateEntity } from '../../common/constants';
import type { RouterQuery, Snapshot } from './models';

export interface SubscribeOptions {
  /** When true the callback is called at once (synchronously) with the current value. */
  withInitialResult?: boolean;
}

export type Unsubscribe = () => void;

export interface WidgetSdkMethods {
  getState<E extends PublicStateEntity>(entityName: E): Snapshot<E> | null;
  subscribe<E extends PublicStateEntity>(entityName: E, callback: (model: Snapshot<E> | null) => void, options?: SubscribeOptions): Unsubscribe;
  getRouterQuery(): RouterQuery;
}

export interface WidgetSdk {
  methods: WidgetSdkMethods;
  constants: Constants;
}

export interface WidgetSdkOptions {
  /** The SDK version the widget is written against. Required. */
  version: string;
}

export type InitAmocrmWidgetSdk = (options: WidgetSdkOptions) => WidgetSdk;
