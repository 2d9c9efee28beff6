/**
 * Text and its formatting: `emphasis`, `strong`, `delete` (GFM strikethrough) and `inlineCode`
 * become Lexical text format flags; the marker each was written with (`_` or `*`, `__` or `**`)
 * is kept on the text node so an edited paragraph is written back with the same markers.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import {
  $createTextNode,
  $getState,
  $isTextNode,
  $setState,
  type LexicalNode,
  type TextFormatType,
  type TextNode,
} from 'lexical';
import type {
  Construct,
  ExportMode,
  ImportContext,
  InlineExportVisitor,
  InlineImportVisitor,
  InlineInherit,
  Mark,
} from '../../convert/types';
import { displayText, escapeTyped, spliceText, stripLinePrefixes, type TextSource } from '../../markdown/inline-source';
import type { VerbatimNode } from '../../markdown/serialize';
import { markerOf } from '../../markdown/style';
import { $getSyntax, $setSyntax, textSourceState } from '../../state';
import { $isRawTextNode } from '../raw/raw-text-node';

/** Creates a text node with the inherited formats and markers. */
export function $createFormattedText(text: string, inherit: InlineInherit, extra?: TextFormatType): TextNode {
  const node = $createTextNode(text);
  for (const format of new Set([...inherit.formats, ...(extra ? [extra] : [])])) node.toggleFormat(format);
  return $setSyntax(node, inherit.syntax);
}

const FORMAT_OF = { emphasis: 'italic', strong: 'bold', delete: 'strikethrough' } as const;

/** The source of an inline node as its run will write it: a container's line prefixes left to the container. */
export function inlineSlice(node: Nodes, ctx: ImportContext, inherit: InlineInherit): string {
  const slice = ctx.slice(node);
  return inherit.container === true || ctx.depth > 0 ? stripLinePrefixes(slice) : slice;
}

/**
 * Imports plain text. Soft line breaks show as spaces (the writer sees flowing prose); the source
 * slice is remembered so untouched escapes, references and line breaks are written back as they were.
 */
export const textImport: InlineImportVisitor<'text'> = {
  types: ['text'],
  $import(node, ctx, inherit) {
    const { value } = node;
    if (value === '') return [];
    const shown = displayText(value);
    const text = $createFormattedText(shown, inherit);
    const s = inlineSlice(node, ctx, inherit);
    if (s === '') return [text];
    return [$setState(text, textSourceState, s === shown ? { s } : { s, d: shown })];
  },
};

/** Imports inline code as text with the `code` format, remembering the span as written (its backticks). */
export const inlineCodeImport: InlineImportVisitor<'inlineCode'> = {
  types: ['inlineCode'],
  $import(node, ctx, inherit) {
    const { value } = node;
    const text = $createFormattedText(value, inherit, 'code');
    const s = inlineSlice(node, ctx, inherit);
    return [s === '' ? text : $setState(text, textSourceState, { s, d: value, code: true })];
  },
};

function verbatim(value: string): PhrasingContent {
  return { type: 'mastheadVerbatim', value } satisfies VerbatimNode;
}

/** A text run's mdast in the given mode (see ExportMode): kept source where untouched, new text as the mode says. */
function textPhrasing(value: string, record: TextSource | null, mode: ExportMode): PhrasingContent[] {
  const spliced = record && !record.code ? spliceText(record, value) : null;
  if (mode === 'full') {
    // Soft line breaks outside the edit come back as line endings, so the wrapping is kept.
    return [{ type: 'text', value: spliced ? spliced.beforeValue + spliced.middle + spliced.afterValue : value }];
  }
  if (!spliced)
    return [
      mode === 'preserve'
        ? verbatim(value)
        : mode === 'minimal'
          ? verbatim(escapeTyped(value))
          : { type: 'text', value },
    ];
  if (mode === 'preserve') return [verbatim(spliced.before + spliced.middle + spliced.after)];
  if (mode === 'minimal')
    return [verbatim(spliced.before + escapeTyped(spliced.middle, spliced.before, spliced.after) + spliced.after)];
  const out: PhrasingContent[] = [];
  if (spliced.before !== '') out.push(verbatim(spliced.before));
  if (spliced.middle !== '') out.push({ type: 'text', value: spliced.middle });
  if (spliced.after !== '') out.push(verbatim(spliced.after));
  return out;
}

/** An inline code run: the span as written while its text is unchanged. */
function codePhrasing(value: string, record: TextSource | null, mode: ExportMode): PhrasingContent {
  if (mode !== 'full' && record?.code === true && record.d === value) return verbatim(record.s);
  return { type: 'inlineCode', value };
}

/** Imports emphasis, strong and strikethrough by adding their format to the children. */
export const markImport: InlineImportVisitor<'emphasis' | 'strong' | 'delete'> = {
  types: ['emphasis', 'strong', 'delete'],
  $import(node, ctx, inherit): LexicalNode[] {
    const type = node.type;
    const marker = markerOf(node, ctx.source);
    const syntax =
      type !== 'delete' && (marker === '_' || marker === '*') ? { ...inherit.syntax, [type]: marker } : inherit.syntax;
    return ctx.$importInline(node.children, { ...inherit, formats: [...inherit.formats, FORMAT_OF[type]], syntax });
  },
};

/** Exports a text node as a run: text or inline code with the marks its formats imply. */
export const textExport: InlineExportVisitor<TextNode> = {
  $test: (node): node is TextNode => $isTextNode(node) && !$isRawTextNode(node),
  $export(text, ctx) {
    const marks: Mark[] = [];
    if (text.hasFormat('italic')) marks.push('emphasis');
    if (text.hasFormat('bold')) marks.push('strong');
    if (text.hasFormat('strikethrough')) marks.push('delete');
    const value = text.getTextContent();
    if (value === '') return [];
    const syntax = $getSyntax(text);
    const record = $getState(text, textSourceState);
    if (text.hasFormat('code')) return [{ node: codePhrasing(value, record, ctx.mode), marks, syntax }];
    return textPhrasing(value, record, ctx.mode).map((mdast) => ({ node: mdast, marks, syntax }));
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const textConstruct: Construct = {
  name: 'text and inline formats',
  inlineImports: [textImport, markImport, inlineCodeImport],
  inlineExports: [textExport],
};
