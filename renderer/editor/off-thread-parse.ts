/**
 * The page's side of parse-worker.ts: one worker for the session, started by the editor's warm-up.
 * Where workers cannot run (test DOMs, a worker that failed to start), `parseOffThread` answers
 * null and the caller parses on the page.
 */
import type { Root } from 'mdast';
import type { ParseOptions } from '../../shared/document/markdown/parse';
import type { ParseRequest } from './parse-worker';

type Answer = { id: number; tree?: Root; error?: string };

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, (tree: Root | null) => void>();

function parser(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker =
      typeof Worker === 'function'
        ? new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'markdown-parser' })
        : null;
  } catch {
    worker = null;
  }
  worker?.addEventListener('message', (event: MessageEvent<Answer>) => {
    const answer = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    answer?.(event.data.tree ?? null);
  });
  // A worker that cannot load answers nothing: every open parse falls back to the page.
  worker?.addEventListener('error', () => {
    for (const answer of waiting.values()) answer(null);
    waiting.clear();
    worker = null;
  });
  return worker;
}

/** The mdast of `markdown`, parsed in the worker; null when it cannot be (parse on the page then). */
export function parseOffThread(markdown: string, options: ParseOptions): Promise<Root | null> {
  const target = parser();
  if (!target) return Promise.resolve(null);
  nextId += 1;
  const request: ParseRequest = { id: nextId, markdown, options };
  return new Promise((resolve) => {
    waiting.set(request.id, resolve);
    target.postMessage(request);
  });
}
