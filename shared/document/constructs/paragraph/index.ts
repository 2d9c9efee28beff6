/**
 * Paragraphs. A paragraph made only of template tags (`{{< figure … >}}` on its own line) is a
 * raw block: it is markup for the site generator, not prose.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import {
  $createParagraphNode,
  $isLineBreakNode,
  $isParagraphNode,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';
import type {
  BlockExportVisitor,
  BlockImportVisitor,
  Construct,
  ExportContext,
  InlineInherit,
} from '../../convert/types';
import type { VerbatimNode } from '../../markdown/serialize';
import { $createRawBlockNode } from '../raw/raw-block-node';
import { $isRawTextNode } from '../raw/raw-text-node';
import { groupPairedTags } from '../shortcode';

/** Inheritance for content outside any emphasis. */
export const NO_INHERIT: InlineInherit = { formats: [], syntax: {} };

/** Inheritance for content in a list item or quote, whose line prefixes the container writes. */
export const CONTAINER_INHERIT: InlineInherit = { formats: [], syntax: {}, container: true };

function isTemplateOnly(nodes: readonly PhrasingContent[]): boolean {
  const children = nodes as Array<PhrasingContent | { type: 'templateTag' }>;
  return (
    children.some((child) => child.type === 'templateTag') &&
    children.every((child) => child.type === 'templateTag' || (child.type === 'text' && child.value.trim() === ''))
  );
}

/** Imports a paragraph. */
export const paragraphImport: BlockImportVisitor<'paragraph'> = {
  types: ['paragraph'],
  $import(paragraph, ctx) {
    // A paired tag with its content (`{{< code-toggle >}}` TOML `{{< /code-toggle >}}`) counts as one tag.
    if (isTemplateOnly(groupPairedTags(paragraph.children, ctx.source, ctx.depth > 0))) {
      return ctx.depth === 0 ? $createRawBlockNode(ctx.slice(paragraph), 'template') : null;
    }
    return $createParagraphNode().append(...ctx.$importInline(paragraph.children, NO_INHERIT));
  },
};

/** Exports a paragraph; an empty one writes nothing. */
export const paragraphExport: BlockExportVisitor<ParagraphNode> = {
  $test: $isParagraphNode,
  $export(node, ctx) {
    const children = ctx.$exportInline(node.getChildren());
    return children.length === 0 ? null : { type: 'paragraph', children };
  },
};

/**
 * Exports inline content holding several paragraphs (an inline quote, a list item): two line
 * breaks in a row separate paragraphs, the convention the importer uses for those containers, and
 * a part that is only block source (a list item's code block, kept as raw text) is that block.
 */
export function $exportParagraphs(nodes: readonly LexicalNode[], ctx: ExportContext): RootContent[] {
  const groups: LexicalNode[][] = [[]];
  nodes.forEach((node, index) => {
    if ($isLineBreakNode(node) && $isLineBreakNode(nodes[index + 1])) {
      groups.push([]);
      return;
    }
    if ($isLineBreakNode(node) && $isLineBreakNode(nodes[index - 1])) return;
    groups[groups.length - 1]?.push(node);
  });
  const paragraphs: RootContent[] = [];
  for (const group of groups) {
    const only = group.length === 1 ? group[0] : undefined;
    if ($isRawTextNode(only) && only.getKind() === 'block') {
      const verbatim: VerbatimNode = { type: 'mastheadVerbatim', value: only.getTextContent() };
      paragraphs.push(verbatim);
      continue;
    }
    const children = ctx.$exportInline(group);
    if (children.length > 0) paragraphs.push({ type: 'paragraph', children });
  }
  return paragraphs;
}

/** The construct: its nodes and visitors, as the registry lists them. */
export const paragraphConstruct: Construct = {
  name: 'paragraph',
  blockImports: [paragraphImport],
  blockExports: [paragraphExport],
};
