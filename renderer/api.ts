/**
 * The renderer's only door to the back end. It picks the transport — `window.masthead` from the
 * Electron preload, or the web-mode HTTP client — and turns error outcomes back into exceptions.
 * Nothing else in the renderer knows which transport is in use.
 */
import type { EventName, Events, MastheadBridge, RequestArg, RequestName, RequestResult } from '../shared/api';
import { AppFailure } from '../shared/errors';
import { createWebBridge } from './web-client';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in web mode. */
    masthead?: MastheadBridge;
  }
}

let bridge: MastheadBridge | undefined;

function currentBridge(): MastheadBridge {
  bridge ??= window.masthead ?? createWebBridge(window.location);
  return bridge;
}

/** Sends a request; resolves with its result or throws an AppFailure carrying the back end's error. */
export async function invoke<K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> {
  const outcome = await currentBridge().invoke(name, arg);
  if (!outcome.ok) throw new AppFailure(outcome.error);
  return outcome.value;
}

/** Subscribes to a pushed event; returns the unsubscribe function. */
export function on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
  return currentBridge().on(name, listener);
}

/** The address an <img> loads for the image `src` written in the post at `postPath` (served from the repository). */
export function mediaUrl(postPath: string, src: string): string {
  return currentBridge().mediaUrl(postPath, src);
}
