/**
 * The body's word count kept per top-level block, so an edit recounts only the blocks it touched
 * instead of the whole text (tens of ms at 100k words). Words never span blocks — the body's text
 * joins blocks with blank lines — so the sum over blocks equals a count of the whole text.
 */
import { $getNodeByKey, $getRoot, $isRootNode, type LexicalNode, type NodeKey } from 'lexical';
import { countWords } from '../../app/format';

/** A running word count over an editor's top-level blocks. */
export class WordTally {
  private readonly counts = new Map<NodeKey, number>();
  private total = 0;
  /** Keys of nodes changed since the last count; null when everything must be recounted. */
  private pending: Set<NodeKey> | null = null;

  /**
   * Notes what an update changed (its `dirtyLeaves` and `dirtyElements` keys). Cheap: counting
   * waits for {@link $count}. An update that marked only the root replaced the whole state
   * (undo, redo, setEditorState), so it asks for a full recount.
   */
  noteChanges(dirtyLeaves: ReadonlySet<NodeKey>, dirtyElementKeys: Iterable<NodeKey>): void {
    if (this.pending === null) return;
    let any = false;
    for (const key of dirtyLeaves) {
      this.pending.add(key);
      any = true;
    }
    for (const key of dirtyElementKeys) {
      if (key === 'root') continue;
      this.pending.add(key);
      any = true;
    }
    if (!any) this.pending = null;
  }

  /** The current count, recounting what changed. Call inside `read` or `update`. */
  $count(): number {
    const root = $getRoot();
    if (this.pending === null) {
      this.counts.clear();
      this.total = 0;
      for (const block of root.getChildren()) this.$recount(block);
    } else {
      const blocks = new Map<NodeKey, LexicalNode>();
      for (const key of this.pending) {
        const node = $getNodeByKey(key);
        const block = node ? $blockOf(node) : null;
        if (block) blocks.set(block.getKey(), block);
      }
      for (const block of blocks.values()) this.$recount(block);
      // Blocks were added or removed: settle membership against the root's children (keys only;
      // the blocks already counted keep their counts).
      if (root.getChildrenSize() !== this.counts.size) this.$sweep();
    }
    this.pending = new Set();
    return this.total;
  }

  private $recount(block: LexicalNode): void {
    const words = countWords(block.getTextContent());
    this.total += words - (this.counts.get(block.getKey()) ?? 0);
    this.counts.set(block.getKey(), words);
  }

  private $sweep(): void {
    const present = new Set<NodeKey>();
    for (const block of $getRoot().getChildren()) {
      present.add(block.getKey());
      if (!this.counts.has(block.getKey())) this.$recount(block);
    }
    for (const [key, words] of this.counts) {
      if (present.has(key)) continue;
      this.counts.delete(key);
      this.total -= words;
    }
  }
}

// The root's child holding `node`: not getTopLevelElement(), which stops at shadow roots (table cells).
function $blockOf(node: LexicalNode): LexicalNode | null {
  let current: LexicalNode | null = node;
  while (current !== null) {
    const parent: LexicalNode | null = current.getParent();
    if (parent !== null && $isRootNode(parent)) return current;
    current = parent;
  }
  return null;
}
