/**
 * Text and its formatting: `emphasis`, `strong`, `delete` (GFM strikethrough) and `inlineCode`
 * become Lexical text format flags; the marker each was written with (`_` or `*`, `__` or `**`)
 * is kept on the text node so an edited paragraph is written back with the same markers.
 */
import type { Emphasis, InlineCode, Nodes, Strong, Text } from 'mdast';
import { $createTextNode, $isTextNode, type LexicalNode, type TextFormatType, type TextNode } from 'lexical';
import type { InlineExportVisitor, InlineImportVisitor, InlineInherit, Mark } from '../../convert/types';
import { markerOf } from '../../markdown/style';
import { $getSyntax, $setSyntax } from '../../state';
import { $isRawTextNode } from '../raw/raw-text-node';

/** Creates a text node with the inherited formats and markers. */
export function $createFormattedText(text: string, inherit: InlineInherit, extra?: TextFormatType): TextNode {
  const node = $createTextNode(text);
  for (const format of new Set([...inherit.formats, ...(extra ? [extra] : [])])) node.toggleFormat(format);
  return $setSyntax(node, inherit.syntax);
}

const FORMAT_OF = { emphasis: 'italic', strong: 'bold', delete: 'strikethrough' } as const;

/** Imports plain text. */
export const textImport: InlineImportVisitor = {
  types: ['text'],
  $import(node, _ctx, inherit) {
    const { value } = node as Text;
    return value === '' ? [] : [$createFormattedText(value, inherit)];
  },
};

/** Imports inline code as text with the `code` format. */
export const inlineCodeImport: InlineImportVisitor = {
  types: ['inlineCode'],
  $import(node, _ctx, inherit) {
    return [$createFormattedText((node as InlineCode).value, inherit, 'code')];
  },
};

/** Imports emphasis, strong and strikethrough by adding their format to the children. */
export const markImport: InlineImportVisitor = {
  types: ['emphasis', 'strong', 'delete'],
  $import(node, ctx, inherit): LexicalNode[] {
    const mark = node as Emphasis | Strong;
    const type = node.type as keyof typeof FORMAT_OF;
    const marker = markerOf(node as Nodes, ctx.source);
    const syntax = type !== 'delete' && (marker === '_' || marker === '*') ? { ...inherit.syntax, [type]: marker } : inherit.syntax;
    return ctx.$importInline(mark.children, { formats: [...inherit.formats, FORMAT_OF[type]], syntax });
  },
};

/** Exports a text node as a run: text or inline code with the marks its formats imply. */
export const textExport: InlineExportVisitor = {
  $test: (node) => $isTextNode(node) && !$isRawTextNode(node),
  $export(node) {
    const text = node as TextNode;
    const marks: Mark[] = [];
    if (text.hasFormat('italic')) marks.push('emphasis');
    if (text.hasFormat('bold')) marks.push('strong');
    if (text.hasFormat('strikethrough')) marks.push('delete');
    const value = text.getTextContent();
    if (value === '') return [];
    return [{ node: text.hasFormat('code') ? { type: 'inlineCode', value } : { type: 'text', value }, marks, syntax: $getSyntax(text) }];
  },
};
