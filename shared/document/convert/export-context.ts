/** Dispatch of Lexical nodes to the construct export visitors, and one block's serialization. */
import type { PhrasingContent, RootContent } from 'mdast';
import { $isDecoratorNode, $isElementNode, type LexicalNode } from 'lexical';
import { buildPhrasing } from '../constructs/text-format/nesting';
import { serializeBlocks, type VerbatimNode } from '../markdown/serialize';
import type { DocStyle } from '../markdown/style';
import { blockExportVisitors, inlineExportVisitors } from './registry';
import type { ExportContext, ExportMode, InlineRun } from './types';

function verbatim(value: string): VerbatimNode {
  return { type: 'mastheadVerbatim', value };
}

/** Creates the context the export visitors work in. */
export function createExportContext(style: DocStyle, mode: ExportMode = 'full'): ExportContext {
  const ctx: ExportContext = {
    style,
    mode,
    $exportBlocks: (nodes) => nodes.flatMap((node) => $exportBlock(node, ctx) ?? []),
    $exportInline: (nodes) => buildPhrasing(ctx.$inlineRuns(nodes)),
    $inlineRuns: (nodes) => nodes.flatMap((node) => $inlineRunsOf(node, ctx)),
    withMode: (other) => (other === mode ? ctx : createExportContext(style, other)),
  };
  return ctx;
}

function $inlineRunsOf(node: LexicalNode, ctx: ExportContext): InlineRun[] {
  const visitor = inlineExportVisitors.find((v) => v.$test(node));
  if (visitor) return visitor.$export(node, ctx);
  // A node from some other plugin: an inline element passes its children through; anything
  // else is written as its text, so no content is dropped.
  if ($isElementNode(node)) return ctx.$inlineRuns(node.getChildren());
  const text = node.getTextContent();
  return text === '' ? [] : [{ node: verbatim(text) as unknown as PhrasingContent, marks: null, syntax: {} }];
}

/** Exports one block to mdast; null when it has nothing to write. */
export function $exportBlock(node: LexicalNode, ctx: ExportContext): RootContent | null {
  const visitor = blockExportVisitors.find((v) => v.$test(node));
  if (visitor) return visitor.$export(node, ctx);
  // Inline content put straight into a block container (a decorator inserted at the top level…)
  // is written as a paragraph of its own.
  if (
    ($isElementNode(node) && node.isInline()) ||
    ($isDecoratorNode(node) && node.isInline()) ||
    !$isElementNode(node)
  ) {
    const children = ctx.$exportInline([node]);
    if (children.length > 0) return { type: 'paragraph', children };
    const text = node.getTextContent();
    return text.trim() === '' ? null : { type: 'html', value: text };
  }
  // An unknown block element: its children as blocks when they are blocks, else as a paragraph.
  const children = node.getChildren();
  if (
    children.length > 0 &&
    children.every(
      (child) => ($isElementNode(child) && !child.isInline()) || ($isDecoratorNode(child) && !child.isInline()),
    )
  ) {
    // Written as the Markdown of its blocks, carried verbatim (a single mdast node is expected here).
    return { type: 'html', value: serializeBlocks(ctx.$exportBlocks(children), ctx.style) };
  }
  const inline = ctx.$exportInline(children);
  return inline.length === 0 ? null : { type: 'paragraph', children: inline };
}

/** Serializes one top-level block in the given style and mode ('' when it writes nothing). */
export function $serializeBlock(node: LexicalNode, style: DocStyle, mode: ExportMode = 'full'): string {
  const ctx = createExportContext(style, mode);
  const mdast = $exportBlock(node, ctx);
  return mdast ? serializeBlocks([mdast], style) : '';
}
