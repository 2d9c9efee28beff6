/** Dispatch of mdast nodes to the construct import visitors. */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { $isListNode } from '@lexical/list';
import type { LexicalNode } from 'lexical';
import { $createRawTextNode } from '../constructs/raw/raw-text-node';
import { groupPairedTags } from '../constructs/shortcode';
import { sourceOf } from '../markdown/style';
import { normalizeLabel } from '../constructs/link/reference';
import { createExportContext } from './export-context';
import { blockImportVisitors, inlineImportVisitors } from './registry';
import type { AnyBlockImportVisitor, AnyInlineImportVisitor, DefinitionInfo, ImportContext } from './types';

const blockByType = new Map<string, AnyBlockImportVisitor>(
  blockImportVisitors.flatMap((v) => v.types.map((t) => [t, v] as const)),
);
const inlineByType = new Map<string, AnyInlineImportVisitor>(
  inlineImportVisitors.flatMap((v) => v.types.map((t) => [t, v] as const)),
);

/** Collects link reference definitions (first definition of a label wins, as in CommonMark). */
export function collectDefinitions(tree: Root): Map<string, DefinitionInfo> {
  const definitions = new Map<string, DefinitionInfo>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      const key = normalizeLabel(node.label ?? node.identifier);
      if (!definitions.has(key))
        definitions.set(key, { url: node.url, title: node.title ?? null, label: node.label ?? node.identifier });
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return definitions;
}

/**
 * Two Lexical lists of one type side by side are merged by ListNode's transform, while Markdown
 * keeps them apart (a change of bullet starts a new list); the second is kept raw instead.
 */
export function $wouldMerge(previous: LexicalNode | undefined, next: LexicalNode): boolean {
  return $isListNode(previous) && $isListNode(next) && previous.getListType() === next.getListType();
}

/** Creates the context the import visitors work in. */
export function createImportContext(
  source: string,
  definitions: ReadonlyMap<string, DefinitionInfo>,
  depth = 0,
): ImportContext {
  const ctx: ImportContext = {
    source,
    definitions,
    depth,
    slice: (node) => sourceOf(node, source),
    exportContext: createExportContext,
    $importBlocks(nodes) {
      const nested = depth === ctx.depth ? createImportContext(source, definitions, depth + 1) : ctx;
      const out: LexicalNode[] = [];
      for (const node of nodes) {
        const lexical = $importBlock(node, nested);
        if (!lexical || $wouldMerge(out[out.length - 1], lexical)) return null;
        out.push(lexical);
      }
      return out;
    },
    $importInline(nodes, inherit) {
      const grouped = groupPairedTags(nodes, source, inherit.container === true || ctx.depth > 0);
      return grouped.flatMap((node) => $importInlineNode(node, ctx, inherit));
    },
  };
  return ctx;
}

/** Imports one block through its visitor; null when none can represent it. */
export function $importBlock(node: RootContent, ctx: ImportContext): LexicalNode | null {
  const visitor = blockByType.get(node.type);
  return visitor ? visitor.$import(node, ctx) : null;
}

function $importInlineNode(
  node: PhrasingContent,
  ctx: ImportContext,
  inherit: Parameters<ImportContext['$importInline']>[1],
): LexicalNode[] {
  const visitor = inlineByType.get(node.type);
  if (visitor) return visitor.$import(node, ctx, inherit);
  // Unknown phrasing (from a future parser extension): keep its source rather than drop it.
  const text = ctx.slice(node);
  return text === '' ? [] : [$createRawTextNode(text, 'markdown')];
}
