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
import { $plainProse } from './plain-prose';

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
  // Plain prose is its own 'preserve' and 'full' form: nothing to serialize or compare.
  const plain = $plainProse(node);
  const markdown = plain ?? $serializeBlock(node, info.style, 'preserve');
  if (source && markdown === $fingerprintOf(source))
    return { type: node.getType(), origin: 'source', markdown: source.source };
  return {
    type: node.getType(),
    origin: 'serialized',
    markdown: plain ?? (markdown === '' ? '' : $writeChanged(node, markdown, info)),
  };
}

/**
 * What goes before `node` when `previous` is the block written before it (none: nothing). The
 * original text between two blocks is only right between those same two blocks, still of the same
 * kinds (a heading turned paragraph must not run into the next line); elsewhere a blank line.
 */
export function $gapBefore(previous: LexicalNode | null, node: LexicalNode): string {
  if (previous === null) return '';
  const before = $getState(previous, blockSourceState);
  const source = $getState(node, blockSourceState);
  if (
    before &&
    source &&
    before.doc === source.doc &&
    source.index === before.index + 1 &&
    before.type === previous.getType() &&
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

/**
 * How one top-level block writes (from the cache when it holds it); null for a block that writes
 * nothing at all: a new empty paragraph (the writer pressed Enter twice) adds no blank lines.
 */
export function $writeTopLevel(node: LexicalNode, info: DocumentInfo, cache?: BlockCache): BlockReport | null {
  let report = cache?.get(node, info);
  if (!report) {
    report = $writeBlock(node, $getState(node, blockSourceState), info);
    cache?.set(node, info, report);
  }
  return report.markdown === '' && report.origin === 'serialized' ? null : report;
}

/** The whole body around the written blocks: the text before the first and after the last. */
export function bodyAround(info: DocumentInfo, blocks: string): string {
  // A body that had no blocks (new, or blank) gets the final newline every text file should have.
  const trailing =
    !info.hadBlocks && blocks !== '' && !info.trailing.endsWith('\n') ? `${info.trailing}\n` : info.trailing;
  return info.leading + blocks + trailing;
}

/** Writes each top-level block and reports how; the basis of {@link $exportMarkdown}. */
export function $exportBlocks(cache?: BlockCache): { markdown: string; blocks: BlockReport[] } {
  const root = $getRoot();
  const info = $getDocumentInfo(root);
  const blocks: BlockReport[] = [];
  let body = '';
  let previous: LexicalNode | null = null;
  for (const node of root.getChildren()) {
    const report = $writeTopLevel(node, info, cache);
    if (report === null) continue;
    body += $gapBefore(previous, node) + report.markdown;
    blocks.push(report);
    previous = node;
  }
  return { markdown: bodyAround(info, body), blocks };
}

/** Returns the document as a Markdown body. Call inside `editor.read` or `editorState.read`. */
export function $exportMarkdown(): string {
  return $exportBlocks().markdown;
}
