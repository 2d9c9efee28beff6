/**
 * Block quotes. A quote of one paragraph is a plain (inline-content) QuoteNode, what the editor's
 * quote button makes; a quote holding several blocks is a shadow-root QuoteNode whose children
 * are ordinary blocks (Lexical 0.52's `$createQuoteNode({shadowRoot: true})`).
 */
import type { Blockquote, Paragraph } from 'mdast';
import { $createQuoteNode, $isQuoteNode, QuoteNode } from '@lexical/rich-text';
import type { BlockExportVisitor, BlockImportVisitor, Construct } from '../../convert/types';
import { $exportParagraphs, CONTAINER_INHERIT } from '../paragraph';

/** Imports a block quote; null when a block inside it cannot be represented. */
export const quoteImport: BlockImportVisitor<'blockquote'> = {
  types: ['blockquote'],
  $import(quote, ctx) {
    const only = quote.children.length === 1 ? quote.children[0] : undefined;
    if (quote.children.length === 0) return $createQuoteNode();
    if (only?.type === 'paragraph') {
      return $createQuoteNode().append(...ctx.$importInline((only as Paragraph).children, CONTAINER_INHERIT));
    }
    const blocks = ctx.$importBlocks(quote.children);
    return blocks ? $createQuoteNode({ shadowRoot: true }).append(...blocks) : null;
  },
};

/** Exports a block quote of either shape. */
export const quoteExport: BlockExportVisitor<QuoteNode> = {
  $test: $isQuoteNode,
  $export(quote, ctx) {
    const children = quote.isShadowRoot()
      ? ctx.$exportBlocks(quote.getChildren())
      : $exportParagraphs(quote.getChildren(), ctx);
    return { type: 'blockquote', children } as Blockquote;
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const quoteConstruct: Construct = {
  name: 'quote',
  nodes: [QuoteNode],
  blockExports: [quoteExport],
};
