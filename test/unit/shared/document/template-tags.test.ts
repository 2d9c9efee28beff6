import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { parseMarkdown } from '../../../../shared/document';
import { closingPatternFor, segmentBlocks } from '../../../../shared/document/constructs/shortcode';

function inlineOf(markdown: string): Array<[string, string]> {
  const paragraph = parseMarkdown(markdown).children[0] as Paragraph;
  return paragraph.children.map((child) => [child.type, 'value' in child ? child.value : '']);
}

describe('template tags', () => {
  it('are one token, so their parameters are not read as Markdown', () => {
    expect(inlineOf('a {{< figure src="/x_y_z.png" caption="*b*" >}} c\n')).toEqual([
      ['text', 'a '],
      ['templateTag', '{{< figure src="/x_y_z.png" caption="*b*" >}}'],
      ['text', ' c'],
    ]);
  });

  it('cover Hugo’s % form and Liquid tags and output', () => {
    expect(
      inlineOf('{{% note %}} {% include a.html %} {{ page.title }}\n').filter(([type]) => type === 'templateTag'),
    ).toHaveLength(3);
  });

  it('may span lines', () => {
    expect(inlineOf('{{< gallery\n  dir="/img" >}}\n')).toEqual([['templateTag', '{{< gallery\n  dir="/img" >}}']]);
  });

  it('leave lone braces, unclosed tags and code spans alone', () => {
    expect(inlineOf('a {b} c {{ never closed\n').map(([type]) => type)).toEqual(['text']);
    expect(inlineOf('see `{{< x >}}`\n').map(([type]) => type)).toEqual(['text', 'inlineCode']);
  });

  it('find the closing tag of paired shortcodes and Liquid blocks', () => {
    expect(closingPatternFor('{{< details summary="x" >}}')?.test('{{< /details >}}')).toBe(true);
    expect(closingPatternFor('{{% notice tip %}}')?.test('{{% /notice %}}')).toBe(true);
    expect(closingPatternFor('{% highlight ruby %}')?.test('{% endhighlight %}')).toBe(true);
    expect(closingPatternFor('{{< figure src="x" />}}')).toBeNull();
    expect(closingPatternFor('Plain text')).toBeNull();
  });

  it('merge the blocks between a paired tag into one segment, and nothing else', () => {
    const markdown =
      'Before.\n\n{{< details >}}\n# Not a heading\n\n- nor a list\n{{< /details >}}\n\n{{< figure src="x" >}}\n\nAfter.\n';
    const segments = segmentBlocks(parseMarkdown(markdown).children, markdown);
    expect(segments.map((s) => (s.node ? s.node.type : markdown.slice(s.start, s.end)))).toEqual([
      'paragraph',
      '{{< details >}}\n# Not a heading\n\n- nor a list\n{{< /details >}}',
      'paragraph',
      'paragraph',
    ]);
  });
});
