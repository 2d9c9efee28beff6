/**
 * mdast-util-to-markdown's `safe` (the escaping of every text it writes) runs each of its ~90
 * `unsafe` patterns as a regular expression over the text and its neighbours, whether or not the
 * text holds the pattern's character: about half of serializing a paragraph of prose. A pattern
 * can only match where its `character` occurs (its expression is that character, literally, with
 * context around it), so the patterns whose character is nowhere in the text or its neighbours
 * are dropped before `safe` runs. The escapes come out the same: `safe` only ever acts on a match.
 */
import { defaultHandlers, type Handle, type SafeConfig, type State } from 'mdast-util-to-markdown';

/** Makes `state.safe` skip the patterns that cannot match. Call once per serialization, first thing. */
export function quickenSafe(state: State): void {
  const safe = state.safe;
  state.safe = (value: string | null | undefined, config: SafeConfig): string => {
    const patterns = state.unsafe;
    const subject = (config.before ?? '') + (value ?? '') + (config.after ?? '');
    const possible = patterns.filter((pattern) => subject.includes(pattern.character));
    if (possible.length === patterns.length) return safe.call(state, value, config);
    // Put back at once: other handlers (hard breaks, inline code) read the whole list.
    state.unsafe = possible;
    try {
      return safe.call(state, value, config);
    } finally {
      state.unsafe = patterns;
    }
  };
}

/** The root handler for to-markdown's options: every serialization starts there, so `safe` is quickened first. */
export const quickSafeRoot: Handle = (node, parent, state, info) => {
  quickenSafe(state);
  return defaultHandlers.root(node as never, parent as never, state, info);
};
