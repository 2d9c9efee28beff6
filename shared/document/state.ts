/**
 * What a Lexical document remembers about the Markdown it came from, kept in Lexical NodeState so
 * it survives node cloning, undo/redo and JSON round trips of the editor state.
 */
import { $getState, $setState, createState, type LexicalNode } from 'lexical';
import { parseTextSource } from './markdown/inline-source';
import { DEFAULT_STYLE, parseDocStyle, type DocStyle } from './markdown/style';

/** A top-level block's original source and where it stood (convert/import-record.ts tells whether it changed). */
export interface BlockSource {
  /** The block's exact source text. */
  source: string;
  /** Which import the block came from, so gaps are only reused between original neighbours. */
  doc: string;
  /** The block's position among the imported top-level blocks. */
  index: number;
  /** The Lexical node type at import. */
  type: string;
  /** The exact text (blank lines, trailing spaces) between this block and the next one. */
  gapAfter: string;
}

/** Per-document facts: the text around the blocks and the house style for new Markdown. */
export interface DocumentInfo {
  doc: string;
  /** Text before the first block (usually empty or blank lines). */
  leading: string;
  /** Text after the last block (usually the final newline). */
  trailing: string;
  /** False for a body with no blocks at all, whose first content should still end with a newline. */
  hadBlocks: boolean;
  style: DocStyle;
  /** Link reference labels defined in the document, so an edited block is checked as it will read. */
  labels?: string[];
}

/** Per-node syntax details (markers, fences, reference labels) that Lexical itself does not model. */
export type SyntaxStyle = Readonly<Record<string, string | number | boolean>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonEqual(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function parseBlockSource(value: unknown): BlockSource | null {
  if (!isRecord(value)) return null;
  const { source, doc, index, type, gapAfter } = value;
  if (typeof source !== 'string' || typeof doc !== 'string') return null;
  if (typeof index !== 'number' || typeof type !== 'string' || typeof gapAfter !== 'string') return null;
  return { source, doc, index, type, gapAfter };
}

function parseDocumentInfo(value: unknown): DocumentInfo | null {
  if (!isRecord(value)) return null;
  const { doc, leading, trailing, hadBlocks, style } = value;
  if (typeof doc !== 'string' || typeof leading !== 'string' || typeof trailing !== 'string') return null;
  const labels = Array.isArray(value.labels)
    ? value.labels.filter((label): label is string => typeof label === 'string')
    : [];
  return { doc, leading, trailing, hadBlocks: hadBlocks !== false, style: parseDocStyle(style), labels };
}

function parseSyntaxStyle(value: unknown): SyntaxStyle {
  if (!isRecord(value)) return {};
  const out: Record<string, string | number | boolean> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') out[key] = item;
  }
  return out;
}

/** NodeState: a top-level block's source record. */
export const blockSourceState = createState('mdSource', { parse: parseBlockSource, isEqual: jsonEqual });

/** NodeState on the root: the document record. */
export const documentInfoState = createState('mdDocument', { parse: parseDocumentInfo, isEqual: jsonEqual });

/** NodeState on a text node: the source it was imported from (see markdown/inline-source.ts). */
export const textSourceState = createState('mdText', { parse: parseTextSource, isEqual: jsonEqual });

/** NodeState: per-node syntax details. */
const syntaxStyleState = createState('mdStyle', { parse: parseSyntaxStyle, isEqual: jsonEqual });

/** Reads a node's syntax details (empty when it has none, e.g. a node the writer created). */
export function $getSyntax(node: LexicalNode): SyntaxStyle {
  return $getState(node, syntaxStyleState);
}

/** Records syntax details on a node, skipping the write when there is nothing to record. */
export function $setSyntax<T extends LexicalNode>(node: T, style: SyntaxStyle): T {
  return Object.keys(style).length === 0 ? node : $setState(node, syntaxStyleState, style);
}

/** Reads a string syntax detail, or undefined. */
export function syntaxString(style: SyntaxStyle, key: string): string | undefined {
  const value = style[key];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a boolean syntax detail, or undefined. */
export function syntaxBoolean(style: SyntaxStyle, key: string): boolean | undefined {
  const value = style[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** The document record of the current editor state, or a fresh one for a document never imported. */
export function $getDocumentInfo(root: LexicalNode): DocumentInfo {
  return (
    $getState(root, documentInfoState) ?? { doc: '', leading: '', trailing: '', hadBlocks: false, style: DEFAULT_STYLE }
  );
}
