/**
 * Paired template tags that span blocks — `{{< details >}}` … blank lines … `{{< /details >}}`,
 * `{% highlight ruby %}` … `{% endhighlight %}` — are one unit for the site generator. The
 * importer merges the top-level blocks from the opening tag to the closing one into a single raw
 * block, so nothing in between is reinterpreted as Markdown and rewritten.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { stripLinePrefixes } from '../../markdown/inline-source';
import type { TemplateTagNode } from './syntax';

/** A run of top-level source that becomes one Lexical block. */
export interface Segment {
  start: number;
  end: number;
  /** The single mdast node, or null for merged template source. */
  node: RootContent | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern that closes the paired tag a block opens with, or null when it opens none. */
export function closingPatternFor(blockSource: string): RegExp | null {
  const text = blockSource.trimStart();
  const hugo = /^\{\{([<%])\s*([^\s/<>%}]+)[^]*?\}\}/.exec(text);
  if (hugo?.[2] !== undefined && !/\/\s*[>%]\}\}$/.test(hugo[0])) {
    return new RegExp(`\\{\\{[<%]\\s*/\\s*${escapeRegExp(hugo[2])}\\s*[>%]\\}\\}`);
  }
  const liquid = /^\{%-?\s*([A-Za-z_][\w-]*)/.exec(text);
  if (liquid?.[1] !== undefined && !liquid[1].startsWith('end')) {
    return new RegExp(`\\{%-?\\s*end${escapeRegExp(liquid[1])}\\s*-?%\\}`);
  }
  return null;
}

/** Groups top-level blocks into segments, merging paired template tags that span blocks. */
export function segmentBlocks(children: readonly RootContent[], source: string): Segment[] {
  const segments: Segment[] = [];
  const span = (node: RootContent): [number, number] => [
    node.position?.start.offset ?? 0,
    node.position?.end.offset ?? 0,
  ];
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index] as RootContent;
    const [start, end] = span(node);
    const closing = closingPatternFor(source.slice(start, end));
    if (closing && !closing.test(source.slice(start, end))) {
      const last = children.findIndex((later, at) => at > index && closing.test(source.slice(...span(later))));
      if (last > index) {
        segments.push({
          start: startAfter(segments[segments.length - 1], start, source),
          end: span(children[last] as RootContent)[1],
          node: null,
        });
        index = last;
        continue;
      }
    }
    segments.push({ start: startAfter(segments[segments.length - 1], start, source), end, node });
  }
  return segments;
}

/**
 * Where a block's own source starts. A setext heading whose text began with link reference
 * definitions (`[foo]: /url\nbar\n===`) is positioned from the first definition, overlapping the
 * definitions' blocks; its source then starts on the line after them, so the definitions are
 * written once and an edited heading stays on its own line.
 */
function startAfter(previous: Segment | undefined, start: number, source: string): number {
  if (!previous || start >= previous.end) return start;
  let at = previous.end;
  while (source[at] === '\r' || source[at] === '\n') at += 1;
  return at;
}

/**
 * Within one paragraph (or heading, cell, list item), a paired tag and everything up to its closing
 * tag — `{{< code-toggle >}}` TOML `{{< /code-toggle >}}`, `{% highlight %}` … `{% endhighlight %}` —
 * become one template tag holding that exact source: the content belongs to the site generator, so
 * it is never read as Markdown, escaped or re-wrapped. `container` strips the line prefixes a list
 * item or quote adds (its exporter writes them again).
 */
export function groupPairedTags(
  nodes: readonly PhrasingContent[],
  source: string,
  container: boolean,
): PhrasingContent[] {
  if (!nodes.some((node) => node.type === 'templateTag')) return [...nodes];
  const out: PhrasingContent[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index] as PhrasingContent;
    const tag = node.type === 'templateTag' ? node : null;
    const closing = tag ? closingPatternFor(tag.value) : null;
    const last =
      closing && !closing.test(tag?.value ?? '')
        ? nodes.findIndex((later, at) => at > index && later.type === 'templateTag' && closing.test(later.value))
        : -1;
    const start = node.position?.start;
    const end = nodes[last]?.position?.end;
    if (last <= index || start?.offset === undefined || end?.offset === undefined) {
      out.push(node);
      continue;
    }
    const slice = source.slice(start.offset, end.offset);
    const grouped: TemplateTagNode = {
      type: 'templateTag',
      value: container ? stripLinePrefixes(slice) : slice,
      position: { start, end },
    };
    out.push(grouped);
    index = last;
  }
  return out;
}
