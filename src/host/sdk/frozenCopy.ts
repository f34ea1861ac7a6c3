/**
 * Snapshots handed to widgets are deep copies, deeply frozen: a widget that mutates what
 * `getState` gave it gets a TypeError in strict code (silently nothing in sloppy code) and can
 * never change the host's state.
 */
import { deepFreeze } from '../../common/constants';

export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}
