/**
 * The host state of one mounted cabinet: the four public entities and their subscribers.
 * Plain TypeScript with no Storybook or DOM import, so Node unit tests, the doctor and the bench
 * reuse it. Data flows one way: the workbench calls `set`; widgets only read and subscribe.
 */
import { dequal } from 'dequal';
import type { PublicStateEntity } from '../../common/constants';
import { assertPublicEntity } from './entities';
import { frozenCopy } from './frozenCopy';
import type { EntityModels, Snapshot } from './models';
import type { SubscribeOptions, Unsubscribe } from './sdkTypes';

type Listener = (model: unknown) => void;
export type InitialState = { [E in PublicStateEntity]?: EntityModels[E] | null };

export interface HostStateOptions {
  /** Where an exception thrown by a subscriber goes; other subscribers still run. */
  onSubscriberError?: (error: unknown, entity: PublicStateEntity) => void;
}

export class HostState {
  private readonly snapshots = new Map<PublicStateEntity, unknown>();
  private readonly listeners = new Map<PublicStateEntity, Set<Listener>>();
  private readonly onSubscriberError: (error: unknown, entity: PublicStateEntity) => void;

  constructor(initial: InitialState = {}, options: HostStateOptions = {}) {
    this.onSubscriberError = options.onSubscriberError ?? ((error, entity) => console.error(`[amocrm-sdk] a subscriber of "${entity}" threw:`, error));
    for (const [entity, value] of Object.entries(initial)) {
      assertPublicEntity(entity, 'HostState');
      this.snapshots.set(entity, value == null ? null : frozenCopy(value));
    }
  }

  get<E extends PublicStateEntity>(entity: E): Snapshot<E> | null {
    assertPublicEntity(entity, 'getState');
    return (this.snapshots.get(entity) ?? null) as Snapshot<E> | null;
  }

  /** Replaces an entity. Subscribers of that entity alone are notified, and only if it changed. */
  set<E extends PublicStateEntity>(entity: E, value: EntityModels[E] | null): boolean {
    assertPublicEntity(entity, 'HostState.set');
    const previous = this.snapshots.get(entity) ?? null;
    if (dequal(previous, value)) return false;
    const snapshot = value == null ? null : frozenCopy(value);
    this.snapshots.set(entity, snapshot);
    for (const listener of [...(this.listeners.get(entity) ?? [])]) this.call(listener, snapshot, entity);
    return true;
  }

  subscribe<E extends PublicStateEntity>(entity: E, callback: (model: Snapshot<E> | null) => void, options: SubscribeOptions = {}): Unsubscribe {
    assertPublicEntity(entity, 'subscribe');
    if (typeof callback !== 'function') {
      throw new TypeError(`subscribe("${entity}", callback): callback must be a function, got ${typeof callback}.`);
    }
    // A wrapper per call, so subscribing the same function twice gives two independent subscriptions.
    const listener: Listener = (model) => callback(model as Snapshot<E> | null);
    let set = this.listeners.get(entity);
    if (!set) this.listeners.set(entity, (set = new Set()));
    set.add(listener);
    if (options.withInitialResult) this.call(listener, this.get(entity), entity);
    return () => {
      set.delete(listener);
    };
  }

  /** Active subscriptions, per entity or in all: what leak checks and the bench count. */
  subscriptionCount(entity?: PublicStateEntity): number {
    if (entity) return this.listeners.get(entity)?.size ?? 0;
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }

  private call(listener: Listener, model: unknown, entity: PublicStateEntity): void {
    try {
      listener(model);
    } catch (error) {
      this.onSubscriberError(error, entity);
    }
  }
}
