/**
 * The one door to the lazily loaded editor chunk (editor-chunk.ts). Code of the first screen
 * imports this, never the editor itself, so Lexical and the Markdown pipeline stay out of the
 * initial JavaScript. Anything that acts on a mounted editor can reach the chunk synchronously:
 * an editor exists only once the chunk has loaded.
 */
import { useSyncExternalStore } from 'react';
import type * as EditorChunkModule from './editor-chunk';
import { isMdxPath } from '../../shared/document/constructs/mdx/mdx-path';
import { loadMdxSyntax } from '../../shared/document/constructs/mdx/load';
import { afterPause, whenIdle } from '../app/idle';

/** What the editor chunk offers. */
export type EditorChunk = typeof EditorChunkModule;

// An idle moment comes within this, or the load starts anyway.
const PRELOAD_TIMEOUT_MS = 2000;
// The preload waits for the writer to pause this long (no key, click or scroll) first.
const QUIET_MS = 500;

let loaded: EditorChunk | null = null;
let loading: Promise<EditorChunk> | null = null;
const listeners = new Set<() => void>();

/**
 * Marks the promise fulfilled, as React's `use` reads it: once the chunk is here, rendering the
 * editor does not suspend. A suspension there, however short, makes React reveal the editor on
 * its throttle (up to 300 ms after the "Opening the post…" line showed), which the writer waits.
 */
function readableByUse<T>(promise: Promise<T>): Promise<T> {
  void promise.then(
    (value) => Object.assign(promise, { status: 'fulfilled', value }),
    () => undefined,
  );
  return promise;
}

/** Loads the editor chunk once (again after a failed attempt). */
export function loadEditorChunk(): Promise<EditorChunk> {
  loading ??= readableByUse(
    import('./editor-chunk').then(
      (chunk) => {
        loaded = chunk;
        listeners.forEach((listener) => listener());
        return chunk;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ),
  );
  return loading;
}

/** The editor chunk if it has loaded, else null (then no editor is mounted either). */
export function loadedEditorChunk(): EditorChunk | null {
  return loaded;
}

/** The editor chunk once loaded (null before); re-renders when it arrives. */
export function useEditorChunk(): EditorChunk | null {
  return useSyncExternalStore(subscribe, loadedEditorChunk);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let loadingWithMdx: Promise<EditorChunk> | null = null;

/**
 * Everything the editor needs to open the post at `path`: the chunk, and MDX's syntax for `.mdx`.
 * The same promise for the same need, as React's `use` expects.
 */
export function loadEditorFor(path: string): Promise<EditorChunk> {
  if (!isMdxPath(path)) return loadEditorChunk();
  loadingWithMdx ??= readableByUse(
    Promise.all([loadEditorChunk(), loadMdxSyntax()]).then(
      ([chunk]) => chunk,
      (error: unknown) => {
        loadingWithMdx = null;
        throw error;
      },
    ),
  );
  return loadingWithMdx;
}

/**
 * Fetches the editor chunk when the page is idle (a repository just opened), so opening the
 * first post does not wait for it, and warms it up. Evaluating the chunk is one long task, so it
 * waits for a pause: a writer typing a search straight away is not held up. A failure here is
 * retried by the next real load.
 */
export function preloadEditorWhenIdle(): void {
  afterPause(
    () =>
      whenIdle(
        () =>
          void loadEditorChunk().then(
            // Then, in idle moments, the parser's first runs (see warm-up.ts), then the page's
            // first drawing of a body (dress-rehearsal.ts).
            (chunk) => chunk.warmUpEditor(chunk.rehearseEditorPage),
            () => undefined,
          ),
        PRELOAD_TIMEOUT_MS,
      ),
    QUIET_MS,
  );
}
