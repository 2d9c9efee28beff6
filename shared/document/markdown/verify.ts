/**
 * Whether two spellings of a block read the same: both are parsed (with the document's link
 * reference labels defined, so `[x]` resolves as it will in the file) and compared without
 * positions. The exporter uses it to accept kept source and unescaped new text only where the
 * result means what the writer's document says.
 */
import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse';

function strip(node: Nodes): unknown {
  const { position: _position, data: _data, ...rest } = node as Nodes & { data?: unknown };
  if ('children' in rest) return { ...rest, children: (rest.children as Nodes[]).map(strip) };
  return rest;
}

/** The meaning of a block's Markdown as a comparable string. */
export function blockMeaning(markdown: string, labels: readonly string[] = [], mdx = false): string {
  // The definitions go after a blank line and an HTML comment: nothing they follow can swallow them.
  const separator = mdx ? '{/* */}' : '<!-- -->';
  const definitions =
    labels.length === 0 ? '' : `\n\n${separator}\n\n${labels.map((label) => `[${label}]: #`).join('\n')}\n`;
  return JSON.stringify(strip(parseMarkdown(markdown + definitions, { mdx })));
}
