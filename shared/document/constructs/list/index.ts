/**
 * Bullet, ordered (with start number) and task lists, nested, as Lexical ListNodes. Lexical keeps
 * list items to inline content plus nested lists (a nested list sits in its own wrapper item after
 * its parent item), so an item's blocks become one run of inline content: paragraphs separated by
 * a double line break, and any other block (a code block, a quote, HTML…) as inline raw source of
 * kind `block`, de-indented, written back in place. Marker, delimiter, indent width, numbering and
 * looseness are remembered. An item that starts with a nested list cannot be modelled and keeps
 * the whole list raw.
 */
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import {
  $createListItemNode,
  $createListNode,
  $isListItemNode,
  $isListNode,
  ListNode,
  type ListType,
  ListItemNode,
} from '@lexical/list';
import { $createLineBreakNode, type LexicalNode } from 'lexical';
import type {
  BlockExportVisitor,
  BlockImportVisitor,
  Construct,
  ExportContext,
  ImportContext,
} from '../../convert/types';
import { serializeBlocks, withSyntax } from '../../markdown/serialize';
import { DEFAULT_STYLE, listItemIndentOf, markerOf } from '../../markdown/style';
import { $getSyntax, $setSyntax, syntaxBoolean } from '../../state';
import { $exportParagraphs, CONTAINER_INHERIT } from '../paragraph';
import { $createRawTextNode } from '../raw/raw-text-node';

interface ItemShape {
  blocks: RootContent[];
  nested: List | null;
}

/** Splits an item into its blocks and a trailing nested list, or null when Lexical cannot hold it. */
function shapeOf(item: ListItem): ItemShape | null {
  const children: RootContent[] = [...item.children];
  const last = children[children.length - 1];
  const nested = last?.type === 'list' ? (children.pop() as List) : null;
  // A nested list anywhere but last, or with nothing before it, has no place in Lexical's model.
  if (children.some((child) => child.type === 'list')) return null;
  if (nested && children.length === 0) return null;
  return { blocks: children, nested };
}

/**
 * A non-paragraph block inside an item, as source without the item's indentation; when its lines
 * are not simply indented (tabs, lazy lines) it is re-serialized instead, which keeps its meaning.
 */
function blockSourceIn(node: RootContent, ctx: ImportContext): string {
  const indent = (node.position?.start.column ?? 1) - 1;
  const [first = '', ...rest] = ctx.slice(node).split('\n');
  const lines = [first];
  for (const line of rest) {
    if (line.trim() === '') lines.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
    else if (line.startsWith(' '.repeat(indent))) lines.push(line.slice(indent));
    else return serializeBlocks([node], DEFAULT_STYLE);
  }
  return lines.join('\n');
}

function $importItemBlocks(blocks: readonly RootContent[], ctx: ImportContext): LexicalNode[] {
  const out: LexicalNode[] = [];
  blocks.forEach((block, index) => {
    if (index > 0) out.push($createLineBreakNode(), $createLineBreakNode());
    if (block.type === 'paragraph') out.push(...ctx.$importInline((block as Paragraph).children, CONTAINER_INHERIT));
    else out.push($createRawTextNode(blockSourceIn(block, ctx), 'block'));
  });
  return out;
}

function listSyntax(list: List, ctx: ImportContext): Record<string, string | boolean> {
  const first = list.children[0];
  const firstSource = first ? ctx.slice(first) : '';
  const syntax: Record<string, string | boolean> = {
    spread: list.spread === true,
    listItemIndent: listItemIndentOf(firstSource),
  };
  if (list.ordered) {
    syntax.ordered = true;
    syntax.bulletOrdered = /^\s*\d+\)/.test(firstSource) ? ')' : '.';
    const second = list.children[1];
    if (second)
      syntax.incrementListMarker =
        parseInt(firstSource.trimStart(), 10) !== parseInt(ctx.slice(second).trimStart(), 10);
  } else if (first) {
    const bullet = markerOf(first, ctx.source);
    if (bullet === '-' || bullet === '*' || bullet === '+') syntax.bullet = bullet;
  }
  return syntax;
}

function $importList(list: List, ctx: ImportContext): ListNode | null {
  const shapes = list.children.map(shapeOf);
  if (shapes.some((shape) => shape === null)) return null;
  const task = list.children.some((item) => item.checked !== null && item.checked !== undefined);
  const type: ListType = task ? 'check' : list.ordered ? 'number' : 'bullet';
  const lexical = $setSyntax($createListNode(type, list.start ?? 1), listSyntax(list, ctx));
  for (const [index, item] of list.children.entries()) {
    const shape = shapes[index] as ItemShape;
    const checked = task ? item.checked === true : undefined;
    const listItem = $createListItemNode(checked);
    $setSyntax(listItem, {
      spread: item.spread === true,
      ...(task && (item.checked ?? null) === null ? { noCheckbox: true } : {}),
    });
    listItem.append(...$importItemBlocks(shape.blocks, ctx));
    lexical.append(listItem);
    if (shape.nested) {
      const nested = $importList(shape.nested, ctx);
      if (!nested) return null;
      // A nested list indented past its parent's text (`* Wicks` over `    - short`) stays so.
      const indent = (shape.nested.position?.start.column ?? 0) - (shape.blocks[0]?.position?.start.column ?? Infinity);
      if (indent > 0 && indent < 4) $setSyntax(nested, { ...$getSyntax(nested), indent });
      lexical.append($createListItemNode().append(nested));
    }
  }
  return lexical;
}

function $exportList(list: ListNode, ctx: ExportContext): List {
  const syntax = $getSyntax(list);
  const type = list.getListType();
  const ordered = type === 'number' || (type === 'check' && syntaxBoolean(syntax, 'ordered') === true);
  const items: ListItem[] = [];
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) continue;
    const children = child.getChildren();
    const nested = children.filter($isListNode).map((sub) => $exportList(sub, ctx));
    const inline = children.filter((node: LexicalNode) => !$isListNode(node));
    const previous = items[items.length - 1];
    if (inline.length === 0 && nested.length > 0 && previous) {
      // A wrapper item: its lists belong to the item before it.
      previous.children.push(...nested);
      continue;
    }
    const itemSyntax = $getSyntax(child);
    let checked: boolean | null = null;
    if (type === 'check') {
      checked = child.getChecked() === true;
      if (!checked && syntaxBoolean(itemSyntax, 'noCheckbox') === true) checked = null;
    }
    const content: RootContent[] = [...$exportParagraphs(inline, ctx), ...nested];
    items.push({
      type: 'listItem',
      spread: syntaxBoolean(itemSyntax, 'spread') === true,
      checked,
      children: content as ListItem['children'],
    });
  }
  const mdast: List = {
    type: 'list',
    ordered,
    start: ordered ? list.getStart() : null,
    spread: syntaxBoolean(syntax, 'spread') === true,
    children: items,
  };
  const written = withSyntax(mdast, { ...syntax });
  const indent = syntax.indent;
  if (typeof indent === 'number' && indent > 0)
    (written as { data?: Record<string, unknown> }).data = { ...written.data, mastheadIndent: indent };
  return written;
}

/** Imports a list; null when an item holds blocks Lexical lists cannot (it then stays raw). */
export const listImport: BlockImportVisitor<'list'> = {
  types: ['list'],
  $import: (node, ctx) => $importList(node, ctx),
};

/** Exports a list. */
export const listExport: BlockExportVisitor<ListNode> = {
  $test: $isListNode,
  $export: (node, ctx) => $exportList(node, ctx),
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const listConstruct: Construct = {
  name: 'list',
  nodes: [ListNode, ListItemNode],
  blockImports: [listImport],
  blockExports: [listExport],
};
