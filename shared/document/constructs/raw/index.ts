/**
 * Everything Masthead keeps as source rather than rich text. Block level: HTML blocks (comments
 * included), link-reference and footnote definitions, front matter, and — as a
 * fallback — any block the model cannot represent faithfully (a table inside a quote, say).
 * Inline: HTML, template tags and footnote references. All are written back exactly as they read.
 */
import type { PhrasingContent } from 'mdast';
import type {
  BlockExportVisitor,
  BlockImportVisitor,
  Construct,
  InlineExportVisitor,
  InlineImportVisitor,
} from '../../convert/types';
import type { VerbatimNode } from '../../markdown/serialize';
import { $createRawBlockNode, $isRawBlockNode, RawBlockNode } from './raw-block-node';
import { $createRawTextNode, $isRawTextNode, RawTextNode } from './raw-text-node';

/** The raw kind recorded for an mdast node type (shown as `data-md-raw`). */
export function rawKindOf(type: string): string {
  switch (type) {
    case 'html':
      return 'html';
    case 'table':
      return 'table';
    case 'definition':
      return 'definition';
    case 'footnoteDefinition':
      return 'footnote';
    case 'yaml':
    case 'toml':
      return 'frontmatter';
    default:
      return 'markdown';
  }
}

/** Imports source-only blocks. Nested in a quote only HTML can be kept (its value has no `>` prefixes). */
export const rawBlockImport: BlockImportVisitor<'html' | 'definition' | 'footnoteDefinition' | 'yaml' | 'toml'> = {
  types: ['html', 'definition', 'footnoteDefinition', 'yaml', 'toml'],
  $import(node, ctx) {
    if (ctx.depth === 0) return $createRawBlockNode(ctx.slice(node), rawKindOf(node.type));
    return node.type === 'html' ? $createRawBlockNode(node.value, 'html') : null;
  },
};

/** Exports a raw block as an mdast `html` node, which every serializer writes verbatim. */
export const rawBlockExport: BlockExportVisitor<RawBlockNode> = {
  $test: $isRawBlockNode,
  $export(node) {
    const value = node.getRawText();
    return value.trim() === '' ? null : { type: 'html', value };
  },
};

/** Imports inline HTML, template tags and footnote references as inline raw text. */
export const rawTextImport: InlineImportVisitor<'html' | 'templateTag' | 'footnoteReference'> = {
  types: ['html', 'templateTag', 'footnoteReference'],
  $import(node, ctx) {
    if (node.type === 'html') return [$createRawTextNode(node.value, 'html')];
    if (node.type === 'footnoteReference') {
      const text = ctx.slice(node) || `[^${node.label ?? node.identifier}]`;
      return [$createRawTextNode(text, 'footnote')];
    }
    return [$createRawTextNode(node.value, 'template')];
  },
};

/**
 * Exports inline raw text: HTML as an mdast `html` node (to-markdown keeps it from starting an
 * HTML block), the rest verbatim.
 */
export const rawTextExport: InlineExportVisitor<RawTextNode> = {
  $test: $isRawTextNode,
  $export(text) {
    const value = text.getTextContent();
    if (value === '') return [];
    const mdast: PhrasingContent =
      text.getKind() === 'html'
        ? { type: 'html', value }
        : ({ type: 'mastheadVerbatim', value } satisfies VerbatimNode);
    return [{ node: mdast, marks: null, syntax: {} }];
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const rawConstruct: Construct = {
  name: 'raw',
  nodes: [RawBlockNode, RawTextNode],
  blockImports: [rawBlockImport],
  inlineImports: [rawTextImport],
  blockExports: [rawBlockExport],
  inlineExports: [rawTextExport],
};
