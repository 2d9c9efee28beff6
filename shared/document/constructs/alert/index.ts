/**
 * GitHub alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`
 * or `[!CAUTION]` becomes an AlertNode holding the blocks after that line; any other block quote is
 * left to the quote construct. On export the marker line is put back in front, joined to the first
 * paragraph or on a line of its own as it was written, so an edited alert changes only the lines
 * the writer changed.
 */
import type { Blockquote, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import { $createParagraphNode } from 'lexical';
import type { BlockExportVisitor, BlockImportVisitor, Construct } from '../../convert/types';
import type { VerbatimNode } from '../../markdown/serialize';
import { $getSyntax, $setSyntax, syntaxBoolean } from '../../state';
import { quoteImport } from '../quote';
import { $createAlertNode, $isAlertNode, alertKindOf, AlertNode } from './alert-node';

/** A block quote read as an alert: its marker line and the blocks after it. */
export interface AlertParts {
  marker: string;
  /** True when the marker is a paragraph of its own (a blank `>` line or a block follows it). */
  alone: boolean;
  children: RootContent[];
}

/**
 * The text after the marker line as an mdast text node positioned where it starts in `source`
 * (after the line ending and the next line's `> `), so whatever reads its source slice finds the
 * writer's text, not the marker.
 */
function restOf(lead: Text, rest: string, source: string): Text {
  const start = lead.position?.start;
  if (!start || start.offset === undefined) return { ...lead, value: rest };
  const lineEnd = /\r\n|\r|\n/g;
  lineEnd.lastIndex = start.offset;
  const found = lineEnd.exec(source);
  if (!found) return { ...lead, value: rest };
  const lineStart = found.index + found[0].length;
  const prefix = /[ \t>]*/y;
  prefix.lastIndex = lineStart;
  const offset = lineStart + (prefix.exec(source)?.[0].length ?? 0);
  return {
    ...lead,
    value: rest,
    position: { start: { line: start.line + 1, column: offset - lineStart + 1, offset }, end: lead.position!.end },
  };
}

/** Splits a block quote into alert parts, or null when its first line is not an alert marker. */
export function readAlert(quote: Blockquote, source = ''): AlertParts | null {
  const [first, ...others] = quote.children;
  if (first?.type !== 'paragraph') return null;
  const [lead, ...phrasing] = first.children;
  if (lead?.type !== 'text') return null;
  const newline = lead.value.indexOf('\n');
  if (newline === -1) {
    // The marker must be the whole first line: `[!NOTE] *text*` is an ordinary quote.
    if (phrasing.length > 0 || !alertKindOf(lead.value)) return null;
    return { marker: lead.value, alone: true, children: others };
  }
  const marker = lead.value.slice(0, newline);
  if (!alertKindOf(marker)) return null;
  const rest = lead.value.slice(newline + 1);
  const children: PhrasingContent[] = rest === '' ? phrasing : [restOf(lead, rest, source), ...phrasing];
  const paragraph: Paragraph = { ...first, children };
  return { marker, alone: false, children: [paragraph, ...others] };
}

/** Imports an alert, or hands an ordinary block quote to the quote construct. */
export const alertImport: BlockImportVisitor<'blockquote'> = {
  types: ['blockquote'],
  $import(node, ctx) {
    const parts = readAlert(node, ctx.source);
    if (!parts) return quoteImport.$import(node, ctx);
    const blocks = ctx.$importBlocks(parts.children);
    if (!blocks) return null;
    // An alert with nothing under its marker still gets a paragraph to type into (it writes nothing).
    const alert = $createAlertNode(parts.marker).append(...(blocks.length > 0 ? blocks : [$createParagraphNode()]));
    return parts.alone ? $setSyntax(alert, { markerAlone: true }) : alert;
  },
};

/** Exports an alert as a block quote with its marker line in front. */
export const alertExport: BlockExportVisitor<AlertNode> = {
  $test: $isAlertNode,
  $export(alert, ctx) {
    const blocks = ctx.$exportBlocks(alert.getChildren());
    const alone = syntaxBoolean($getSyntax(alert), 'markerAlone') === true;
    const first = blocks[0];
    // Verbatim, or `[` would be escaped; a line ending inside the value keeps the next line's
    // text safe, as to-markdown then sees it at the start of a line.
    if (!alone && first?.type === 'paragraph') {
      first.children.unshift(verbatim(`${alert.getMarker()}\n`));
    } else {
      blocks.unshift({ type: 'paragraph', children: [verbatim(alert.getMarker())] });
    }
    return { type: 'blockquote', children: blocks } as Blockquote;
  },
};

function verbatim(value: string): PhrasingContent {
  return { type: 'mastheadVerbatim', value } satisfies VerbatimNode;
}

/** The construct: its nodes and visitors, as the registry lists them. */
export const alertConstruct: Construct = {
  name: 'alert',
  nodes: [AlertNode],
  blockImports: [alertImport],
  blockExports: [alertExport],
};
