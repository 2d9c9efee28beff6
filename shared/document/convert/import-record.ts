/**
 * What an import remembers so that the export can tell an untouched block from an edited one
 * without serializing every block at open (issue 15: that was ~20% of opening a post).
 *
 * At the end of `$importMarkdown` the record keeps the node map as imported (a shallow copy: the
 * node objects themselves) and makes sure nothing can change those objects in place afterwards:
 * Lexical writes a node in place only while its key is in the editor's clone-not-needed map (nodes
 * created or already cloned in the running update), so the imported keys are taken out of it and
 * any later write, even in the same update (a node transform, a batched edit), clones the node.
 * Lexical writes nodes nowhere else, and undo/redo swap whole states holding the same objects.
 *
 * So a top-level block whose every node is still the very object imported is unchanged, and is
 * written from its source with no serialization at all. Any other block is compared as before:
 * its serialization now against its fingerprint — the same block serialized as imported — which
 * is computed from the kept node map the first time it is needed, then kept.
 */
import { $getEditor, $getNodeByKey, $isElementNode, type EditorState, type LexicalNode, type NodeKey } from 'lexical';
import type { DocStyle } from '../markdown/style';
import type { BlockSource } from '../state';
import { $serializeBlock } from './export-context';
import { $plainProse } from './plain-prose';

/** What one import (or one part of a staged import) remembers. */
export interface ImportRecord {
  /** The editor state as imported (its own copy of the node map); null when every fingerprint was taken at import. */
  state: EditorState | null;
  /** The imported top-level blocks' keys, by block index (a staged import's part holds only its own). */
  keys: NodeKey[];
  style: DocStyle;
  /** Fingerprints computed so far, by block index. */
  fingerprints: Array<string | undefined>;
}

// By source record: a block's NodeState keeps the very object while the block lives (clones share it).
const bySource = new WeakMap<BlockSource, ImportRecord>();
// By document id, for a source record rebuilt from JSON (a block copied and pasted): held weakly, so
// a document no longer open in any editor is not kept alive by this map.
const byDoc = new Map<string, WeakRef<ImportRecord>>();

/**
 * Records the import that just built `blocks` with `sources` (same order), and freezes the
 * imported nodes: call at the very end of the import, inside its update. A part of a staged import
 * (`scope: 'blocks'`) keeps only its own blocks' nodes: copying the whole node map for each of a
 * long post's hundreds of slices would hold hundreds of copies of it.
 */
export function $recordImport(
  doc: string,
  blocks: LexicalNode[],
  sources: BlockSource[],
  style: DocStyle,
  scope: 'document' | 'blocks' = 'document',
): ImportRecord {
  const editor = $getEditor();
  const pending = editor._pendingEditorState;
  const keys: NodeKey[] = [];
  blocks.forEach((block, at) => (keys[sources[at]!.index] = block.getKey()));
  if (!pending) {
    // Not inside an editor update (no state to keep): fingerprint every block now, as imports used to.
    const fingerprints: Array<string | undefined> = [];
    blocks.forEach((block, at) => (fingerprints[sources[at]!.index] = $serializeBlock(block, style, 'preserve')));
    const record: ImportRecord = { state: null, keys, style, fingerprints };
    for (const source of sources) bySource.set(source, record);
    return record;
  }
  // Every node created or cloned by this update but the root (the reconciler's fast path reads this
  // map for elements that were already on screen, and the root is the only one) is taken out of the clone-not-needed map: a later write clones it and leaves the kept object as is.
  for (const key of editor._cloneNotNeeded.keys()) if (key !== 'root') editor._cloneNotNeeded.delete(key);
  const state = pending.clone(null);
  state._nodeMap = scope === 'document' ? new Map(pending._nodeMap) : $nodesOf(blocks, pending._nodeMap.get('root'));
  const record: ImportRecord = { state, keys, style, fingerprints: [] };
  for (const source of sources) bySource.set(source, record);
  for (const [key, ref] of byDoc) if (ref.deref() === undefined) byDoc.delete(key);
  byDoc.set(doc, new WeakRef(record));
  return record;
}

/**
 * Gives `record` the style of the whole document: a staged import records its first part with the
 * style of that part alone. Fingerprints are taken again, in the new style, when next needed.
 */
export function restyleImport(record: ImportRecord, style: DocStyle): void {
  record.style = style;
  if (record.state) record.fingerprints = [];
}

/** `blocks` and everything in them, and the root (a block's parent, should an export visitor ask). */
function $nodesOf(blocks: readonly LexicalNode[], root: LexicalNode | undefined): Map<NodeKey, LexicalNode> {
  const nodes = new Map<NodeKey, LexicalNode>();
  if (root) nodes.set('root', root);
  const add = (node: LexicalNode): void => {
    nodes.set(node.getKey(), node);
    if ($isElementNode(node)) for (const child of node.getChildren()) add(child);
  };
  blocks.forEach(add);
  return nodes;
}

function recordOf(source: BlockSource): ImportRecord | undefined {
  const record = bySource.get(source) ?? byDoc.get(source.doc)?.deref();
  return record && record.keys[source.index] !== undefined ? record : undefined;
}

/** Whether `node` and everything in it are the very objects `record` imported (so nothing in it changed). */
function $sameObjects(node: LexicalNode, nodes: ReadonlyMap<NodeKey, LexicalNode>): boolean {
  if (nodes.get(node.getKey()) !== node) return false;
  if (!$isElementNode(node)) return true;
  for (let child = node.getFirstChild(); child !== null; child = child.getNextSibling()) {
    if (!$sameObjects(child, nodes)) return false;
  }
  return true;
}

/** Whether `node` is the block `source` recorded, untouched since its import: no serialization needed. */
export function $isUntouchedImport(node: LexicalNode, source: BlockSource): boolean {
  const record = recordOf(source);
  if (!record?.state || record.keys[source.index] !== node.getKey()) return false;
  return $sameObjects(node, record.state._nodeMap);
}

/** The block `source` recorded, serialized as imported ('preserve' mode); null when its import is gone. */
export function $fingerprintOf(source: BlockSource): string | null {
  const record = recordOf(source);
  if (!record) return null;
  const known = record.fingerprints[source.index];
  if (known !== undefined) return known;
  const key = record.keys[source.index]!;
  if (!record.state) return null;
  // Export visitors read nothing of the editor (saveDocument exports a bare editor state).
  const fingerprint = record.state.read((): string | null => {
    const block = $getNodeByKey(key);
    return block ? ($plainProse(block) ?? $serializeBlock(block, record.style, 'preserve')) : null;
  });
  if (fingerprint !== null) record.fingerprints[source.index] = fingerprint;
  return fingerprint;
}
