/**
 * A tiny external store: one reducer, subscribers, and a React hook that selects a slice with
 * `useSyncExternalStore`. Actions outside React (save, publish) read the current state with
 * `getState()` instead of chasing stale closures.
 */
import { useSyncExternalStore } from 'react';

/** A reducer-driven store that React components subscribe to. */
export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

/** Creates a store from a pure reducer and its first state. */
export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-renders the caller when the selected slice changes (by identity). Select stored values, not new objects. */
export function useStoreSelector<S, A, T>(store: Store<S, A>, select: (state: S) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getState()),
    () => select(store.getState()),
  );
}
