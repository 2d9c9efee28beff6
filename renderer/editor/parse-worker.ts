/**
 * Parses Markdown off the page's main thread: a long post's whole parse (body-loading.ts) takes
 * 50–150 ms at 10,000 words, and a keystroke arriving meanwhile would wait for it. Same parser,
 * same options: the tree it sends back is what `parseMarkdown` gives on the page.
 */
import { parseMarkdown, type ParseOptions } from '../../shared/document/markdown/parse';

/** A request: which parse, and what to parse. */
export interface ParseRequest {
  id: number;
  markdown: string;
  options: ParseOptions;
}

// The worker's global scope, typed as much as used (the renderer's types are the page's).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, markdown, options } = event.data;
  try {
    scope.postMessage({ id, tree: parseMarkdown(markdown, options) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
