/**
 * Lexical → Markdown at the top level: unchanged blocks from their recorded source, changed and
 * new blocks serialized in the document's style, the original text between original neighbours,
 * a blank line elsewhere.
 */
import { $getRoot, $getState, type LexicalNode } from 'lexical';
import { blockMeaning } from '../markdown/verify';
import { $getDocumentInfo, blockSourceState, type BlockSource, type DocumentInfo } from '../state';
import { $serializeBlock } from './export-context';
import { $fingerprintOf, $isUntouchedImport } from './import-record';

/** How one top-level block was written, for tests and diagnostics. */
export interface BlockReport {
  type: string;
  /** `source`: written from its recorded source; `serialized`: changed or new. */
  origin: 'source' | 'serialized';
  markdown: string;
}

/**
 * A changed block's Markdown: its kept source and new text as typed when that reads as the fully
 * serialized block does, else with the new text escaped a little, then as to-markdown escapes it,
 * else fully serialized.
 */
function $writeChanged(node: LexicalNode, candidate: string, info: DocumentInfo): string {
  const full = $serializeBlock(node, info.style, 'full');
  if (candidate === full) return full;
  const labels = info.labels ?? [];
  const mdx = info.style.mdx === true;
  const target = blockMeaning(full, labels, mdx);
  const tried = new Set([full]);
  for (const mode of ['minimal', 'safe', null] as const) {
    if (!tried.has(candidate) && blockMeaning(candidate, labels, mdx) === target) return candidate;
    tried.add(candidate);
    if (mode === null) break;
    candidate = $serializeBlock(node, info.style, mode);
  }
  return full;
}

function $writeBlock(node: LexicalNode, source: BlockSource | null, info: DocumentInfo): BlockReport {
  if (source && $isUntouchedImport(node, source))
    return { type: node.getType(), origin: 'source', markdown: source.source };
  const markdown = $serializeBlock(node, info.style, 'preserve');
  if (source && markdown === $fingerprintOf(source))
    return { type: node.getType(), origin: 'source', markdown: source.source };
  return {
    type: node.getType(),
    origin: 'serialized',
    markdown: markdown === '' ? '' : $writeChanged(node, markdown, info),
  };
}

function gapBetween(
  previous: { node: LexicalNode; source: BlockSource | null } | null,
  node: LexicalNode,
  source: BlockSource | null,
): string {
  const before = previous?.source;
  // The original text between two blocks is only right between those same two blocks, still of
  // the same kinds (a heading turned paragraph must not run into the next line).
  if (
    before &&
    source &&
    before.doc === source.doc &&
    source.index === before.index + 1 &&
    before.type === previous.node.getType() &&
    source.type === node.getType()
  ) {
    return before.gapAfter;
  }
  return '\n\n';
}

/**
 * Top-level blocks already written, kept between exports by a caller that drops every block an
 * update touched (renderer/editor/body-exporter.ts): a block's Markdown depends only on its own
 * subtree, its recorded source and the document's style, so an untouched block writes the same.
 */
export interface BlockCache {
  get(node: LexicalNode, info: DocumentInfo): BlockReport | undefined;
  set(node: LexicalNode, info: DocumentInfo, report: BlockReport): void;
}

/** Writes each top-level block and reports how; the basis of {@link $exportMarkdown}. */
export function $exportBlocks(cache?: BlockCache): { markdown: string; blocks: BlockReport[] } {
  const root = $getRoot();
  const info = $getDocumentInfo(root);
  const blocks: BlockReport[] = [];
  let body = '';
  let previous: { node: LexicalNode; source: BlockSource | null } | null = null;
  for (const node of root.getChildren()) {
    const source = $getState(node, blockSourceState);
    let report = cache?.get(node, info);
    if (!report) {
      report = $writeBlock(node, source, info);
      cache?.set(node, info, report);
    }
    // A new empty paragraph (the writer pressed Enter twice) writes nothing, not extra blank lines.
    if (report.markdown === '' && report.origin === 'serialized') continue;
    if (previous) body += gapBetween(previous, node, source);
    body += report.markdown;
    blocks.push(report);
    previous = { node, source };
  }
  // A body that had no blocks (new, or blank) gets the final newline every text file should have.
  const trailing =
    !info.hadBlocks && body !== '' && !info.trailing.endsWith('\n') ? `${info.trailing}\n` : info.trailing;
  return { markdown: info.leading + body + trailing, blocks };
}

/** Returns the document as a Markdown body. Call inside `editor.read` or `editorState.read`. */
export function $exportMarkdown(): string {
  return $exportBlocks().markdown;
}
