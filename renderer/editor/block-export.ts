/**
 * The body as Markdown, re-writing only the top-level blocks changed since the last export. The
 * journal exports the whole body every second while the writer types, and a save exports it
 * again: writing every block each time costs ~35 ms at 10k words and ~350 ms at 100k, which would
 * land on keystrokes.
 *
 * Two levels. Each block's written Markdown is kept by node key, and an update drops the blocks it
 * touched (Lexical marks every ancestor of a changed node dirty, so a change anywhere in a block
 * reaches its top-level key). And while the list of top-level blocks is as it was, the body is the
 * kept pieces joined, with only the touched blocks and the gaps after them written again: no walk
 * over thousands of blocks. The list is as it was when the root holds as many blocks, no block an
 * update touched was new at the top level, and each touched block still has the same neighbours
 * (any move, insertion or removal rewrites some block's neighbour links, which marks it touched).
 * An update that swapped the whole state (undo, redo, setEditorState mark only the root) sends the
 * next export down the full walk.
 */
import { $getNodeByKey, $getRoot, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { finishLoading } from './loading-gate';
import {
  $gapBefore,
  $getDocumentInfo,
  $writeTopLevel,
  bodyAround,
  type BlockCache,
  type BlockReport,
  type DocumentInfo,
} from '../../shared/document';

type Info = DocumentInfo;

/** The last export, block by block: enough to write the next one from the blocks that changed. */
interface Layout {
  info: Info;
  keys: NodeKey[];
  position: Map<NodeKey, number>;
  /** Each block's Markdown; null for a block that writes nothing. */
  written: Array<string | null>;
  /** What each block adds to the body: the gap before it and its Markdown ('' when it writes nothing). */
  parts: string[];
  markdown: string;
}

/** A block cache that forgets what each update of `editor` touched, and the layout of the last export. */
class TrackedBlockCache implements BlockCache {
  private readonly reports = new Map<NodeKey, { info: Info; report: BlockReport }>();
  layout: Layout | null = null;
  /** Positions in the layout whose block an update touched since it was made. */
  readonly stale = new Set<number>();
  /** Nodes updates touched that the layout does not list: new top-level blocks, or anything inside a block. */
  readonly unlisted = new Set<NodeKey>();

  constructor(editor: LexicalEditor) {
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      let onlyRoot = true;
      for (const key of dirtyLeaves) {
        this.forget(key);
        onlyRoot = false;
      }
      for (const key of dirtyElements.keys()) {
        if (key === 'root') continue;
        this.forget(key);
        onlyRoot = false;
      }
      if (onlyRoot && dirtyElements.has('root')) {
        this.reports.clear();
        this.layout = null;
      }
    });
  }

  private forget(key: NodeKey): void {
    this.reports.delete(key);
    if (this.layout === null) return;
    const at = this.layout.position.get(key);
    if (at !== undefined) this.stale.add(at);
    else this.unlisted.add(key);
  }

  get(node: LexicalNode, info: Info): BlockReport | undefined {
    const kept = this.reports.get(node.getKey());
    // Another document's style (a new import) makes every kept block stale.
    return kept && kept.info === info ? kept.report : undefined;
  }

  set(node: LexicalNode, info: Info, report: BlockReport): void {
    this.reports.set(node.getKey(), { info, report });
  }
}

const caches = new WeakMap<LexicalEditor, TrackedBlockCache>();

/** The editor's body as Markdown, byte for byte what a full export gives, at the cost of the blocks changed since the last call. */
export function exportBodyIncrementally(editor: LexicalEditor): string {
  // A long post still arriving is brought in whole first (an export before would still write every byte, see StagedImport).
  finishLoading(editor);
  let cache = caches.get(editor);
  if (!cache) {
    cache = new TrackedBlockCache(editor);
    caches.set(editor, cache);
  }
  const kept = cache;
  return editor.read(() => {
    // The same object while the root is unchanged; a document never imported gets a fresh one (full walk).
    const info = $getDocumentInfo($getRoot());
    const layout = kept.layout !== null && kept.layout.info === info ? $rewriteStale(kept, kept.layout) : null;
    kept.layout = layout ?? $writeLayout(kept, info);
    kept.stale.clear();
    kept.unlisted.clear();
    return kept.layout.markdown;
  });
}

/** Every block, in order: the full walk. */
function $writeLayout(cache: TrackedBlockCache, info: Info): Layout {
  const keys: NodeKey[] = [];
  const written: Array<string | null> = [];
  const parts: string[] = [];
  let previous: LexicalNode | null = null;
  for (const node of $getRoot().getChildren()) {
    const report = $writeTopLevel(node, info, cache);
    keys.push(node.getKey());
    written.push(report?.markdown ?? null);
    parts.push(report === null ? '' : $gapBefore(previous, node) + report.markdown);
    if (report !== null) previous = node;
  }
  const position = new Map(keys.map((key, index) => [key, index]));
  return { info, keys, position, written, parts, markdown: bodyAround(info, parts.join('')) };
}

/**
 * The last layout with the touched blocks written again, and the gap after each (it depends on
 * its neighbour); null when that cannot be done piecewise (a block went missing, or started or
 * stopped writing nothing, which moves whose neighbour each gap is).
 */
function $rewriteStale(cache: TrackedBlockCache, layout: Layout): Layout | null {
  const { keys, written, parts, info } = layout;
  const root = $getRoot();
  if (root.getChildrenSize() !== keys.length) return null;
  for (const key of cache.unlisted) if ($getNodeByKey(key)?.getParent()?.is(root)) return null;
  if (cache.stale.size === 0) return layout;
  const nodeAt = (index: number): LexicalNode | null => $getNodeByKey(keys[index]!);
  for (const index of cache.stale) {
    const node = nodeAt(index);
    if (
      node === null ||
      !node.getParent()?.is(root) ||
      (node.getPreviousSibling()?.getKey() ?? null) !== (keys[index - 1] ?? null) ||
      (node.getNextSibling()?.getKey() ?? null) !== (keys[index + 1] ?? null)
    )
      return null;
  }
  const writtenBefore = (index: number): number => {
    for (let at = index - 1; at >= 0; at -= 1) if (written[at] !== null) return at;
    return -1;
  };
  for (const index of [...cache.stale].sort((a, b) => a - b)) {
    const node = nodeAt(index)!;
    const report = $writeTopLevel(node, info, cache);
    if ((report === null) !== (written[index] === null)) return null;
    if (report === null) continue;
    written[index] = report.markdown;
    const before = writtenBefore(index);
    parts[index] = (before === -1 ? '' : $gapBefore(nodeAt(before), node)) + report.markdown;
    // The next block that writes something: its gap follows this block's source and kind.
    let next = index + 1;
    while (next < keys.length && written[next] === null) next += 1;
    const after = next < keys.length ? nodeAt(next) : null;
    if (next < keys.length && after === null) return null;
    if (after !== null) parts[next] = $gapBefore(node, after) + written[next]!;
  }
  return { ...layout, markdown: bodyAround(info, parts.join('')) };
}
