import { describe, expect, it } from 'vitest';
import { $isCodeNode } from '@lexical/code';
import { $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListItemNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import {
  $isImageNode,
  $isRawBlockNode,
  $isRawTextNode,
  $isThematicBreakNode,
  loadDocument,
  type RawBlockNode,
  type RawTextNode,
} from '../../../../shared/document';

/** Imports `markdown` and runs `fn` on the root's children. */
function inspect<T>(markdown: string, fn: (blocks: LexicalNode[]) => T): T {
  return loadDocument(markdown)
    .getEditorState()
    .read(() => fn($getRoot().getChildren()));
}

function $descendants(node: LexicalNode): LexicalNode[] {
  return $isElementNode(node) ? node.getChildren().flatMap((child) => [child, ...$descendants(child)]) : [];
}

function $texts(node: LexicalNode): TextNode[] {
  return $descendants(node).filter((n): n is TextNode => $isTextNode(n) && !$isRawTextNode(n));
}

describe('each construct imports to its Lexical node', () => {
  it('paragraphs show soft line breaks as spaces (the source keeps them, see edit-locality)', () => {
    inspect('one\ntwo\n', ([p]) => {
      expect($isParagraphNode(p)).toBe(true);
      expect(p?.getTextContent()).toBe('one two');
    });
  });

  it('ATX and setext headings get their level', () => {
    inspect('# One\n\nTwo\n---\n\n###### Six\n', (blocks) => {
      expect(blocks.map((b) => ($isHeadingNode(b) ? b.getTag() : b.getType()))).toEqual(['h1', 'h2', 'h6']);
    });
  });

  it('emphasis, strong, strikethrough and inline code become text formats', () => {
    inspect('_a_ **b** ~~c~~ `d` ***e***\n', ([p]) => {
      const byText = new Map((p ? $texts(p) : []).map((t) => [t.getTextContent(), t]));
      expect(byText.get('a')?.hasFormat('italic')).toBe(true);
      expect(byText.get('b')?.hasFormat('bold')).toBe(true);
      expect(byText.get('c')?.hasFormat('strikethrough')).toBe(true);
      expect(byText.get('d')?.hasFormat('code')).toBe(true);
      expect(byText.get('e')?.hasFormat('bold') && byText.get('e')?.hasFormat('italic')).toBe(true);
    });
  });

  it('hard breaks become line breaks', () => {
    inspect('a  \nb\\\nc\n', ([p]) => {
      expect(p && $descendants(p).filter($isLineBreakNode)).toHaveLength(2);
    });
  });

  it('inline links, autolinks and reference links become link nodes with their URL and title', () => {
    inspect(
      '[a](https://a.example "T") <https://b.example> https://c.example [d][ref]\n\n[ref]: https://d.example\n',
      ([p]) => {
        const links = p ? $descendants(p).filter($isLinkNode) : [];
        expect(links.map((l) => [l.getType(), l.getURL()])).toEqual([
          ['link', 'https://a.example'],
          ['link', 'https://b.example'],
          ['autolink', 'https://c.example'],
          ['link', 'https://d.example'],
        ]);
        expect(links[0]?.getTitle()).toBe('T');
        expect($isAutoLinkNode(links[2])).toBe(true);
      },
    );
  });

  it('images keep src, alt and title, also inside a link (a badge)', () => {
    inspect('![Dusk](/d.jpg "At dusk") [![badge](https://ci/b.svg)](https://ci)\n', ([p]) => {
      const images = p ? $descendants(p).filter($isImageNode) : [];
      expect(images.map((i) => i.getPayload())).toEqual([
        { src: '/d.jpg', alt: 'Dusk', title: 'At dusk' },
        { src: 'https://ci/b.svg', alt: 'badge', title: null },
      ]);
      expect($isLinkNode(images[1]?.getParent())).toBe(true);
    });
  });

  it('bullet and ordered lists keep type and start number', () => {
    inspect('- a\n- b\n\n7. seven\n8. eight\n', ([bullet, ordered]) => {
      expect($isListNode(bullet) && bullet.getListType()).toBe('bullet');
      expect($isListNode(ordered) && [ordered.getListType(), ordered.getStart()]).toEqual(['number', 7]);
    });
  });

  it('task lists keep each item’s checked state', () => {
    inspect('- [x] done\n- [ ] open\n', ([list]) => {
      expect($isListNode(list) && list.getListType()).toBe('check');
      const items = (list as ListNode).getChildren() as ListItemNode[];
      expect(items.map((i) => i.getChecked())).toEqual([true, false]);
    });
  });

  it('nested lists sit in a wrapper item after their parent item', () => {
    inspect('- a\n  * b\n  * c\n- d\n', ([list]) => {
      const items = (list as ListNode).getChildren();
      expect(items).toHaveLength(3);
      const nested = (items[1] as ListItemNode).getFirstChild();
      expect($isListNode(nested) && nested.getChildrenSize()).toBe(2);
      expect($isListItemNode(items[2]) && items[2].getTextContent()).toBe('d');
    });
  });

  it('a one-paragraph quote holds inline content; a richer one holds blocks', () => {
    inspect('> just words\n\n> words\n>\n> - and a list\n', ([simple, rich]) => {
      expect($isQuoteNode(simple) && simple.isShadowRoot()).toBe(false);
      expect($isQuoteNode(rich) && rich.isShadowRoot()).toBe(true);
      expect((rich as unknown as { getChildren(): LexicalNode[] }).getChildren().map((c) => c.getType())).toEqual([
        'paragraph',
        'list',
      ]);
    });
  });

  it('fenced and indented code become code nodes with their language and text', () => {
    inspect('~~~js meta\nlet a;\nlet b;\n~~~\n\n    plain\n', ([fenced, indented]) => {
      expect($isCodeNode(fenced) && [fenced.getLanguage(), fenced.getTextContent()]).toEqual(['js', 'let a;\nlet b;']);
      expect($isCodeNode(indented) && [indented.getLanguage(), indented.getTextContent()]).toEqual([
        undefined,
        'plain',
      ]);
    });
  });

  it('thematic breaks become thematic break nodes', () => {
    inspect('***\n', ([hr]) => expect($isThematicBreakNode(hr)).toBe(true));
  });

  it('HTML blocks, definitions, footnotes and shortcodes are raw blocks keeping their exact text (tables: constructs/table.test.ts)', () => {
    const blocks = [
      '<div class="x">\n  <b>hi</b>\n</div>',
      '[ref]: https://example.org  "Title"',
      '[^1]: A note.',
      '{{< figure src="/a_b.png" caption="*c*" >}}',
      '{{< details >}}\nHidden.\n\nStill hidden.\n{{< /details >}}',
      '<!-- a comment -->',
    ];
    inspect(`${blocks.join('\n\n')}\n`, (nodes) => {
      expect(nodes.every($isRawBlockNode)).toBe(true);
      expect(nodes.map((n) => (n as RawBlockNode).getRawText())).toEqual(blocks);
      expect(nodes.map((n) => (n as RawBlockNode).getKind())).toEqual([
        'html',
        'definition',
        'footnote',
        'template',
        'template',
        'html',
      ]);
    });
  });

  it('inline HTML, shortcodes and footnote references are inline raw text', () => {
    inspect('a <kbd>K</kbd> {{< ref "x_y.md" >}} b[^n]\n\n[^n]: note\n', ([p]) => {
      const raw = p ? $descendants(p).filter($isRawTextNode) : [];
      expect(raw.map((r: RawTextNode) => [r.getKind(), r.getTextContent()])).toEqual([
        ['html', '<kbd>'],
        ['html', '</kbd>'],
        ['template', '{{< ref "x_y.md" >}}'],
        ['footnote', '[^n]'],
      ]);
    });
  });

  it('blocks inside list items other than paragraphs become inline raw source, de-indented', () => {
    inspect('1. Install:\n\n   ```sh\n   npm i\n   ```\n\n2. Run.\n', ([list]) => {
      expect($isListNode(list)).toBe(true);
      const raw = $descendants(list as ListNode).filter($isRawTextNode);
      expect(raw.map((r) => [r.getKind(), r.getTextContent()])).toEqual([['block', '```sh\nnpm i\n```']]);
    });
  });

  it('lists Lexical cannot model stay raw rather than lose content', () => {
    inspect('- - nested first\n- b\n', ([list]) => {
      expect($isRawBlockNode(list) && list.getKind()).toBe('markdown');
    });
  });

  it('two adjacent lists of one type stay two (the second raw, since Lexical would merge them)', () => {
    inspect('- a\n\n* b\n', (blocks) => {
      expect(blocks.map((b) => b.getType())).toEqual(['list', 'md-raw-block']);
    });
  });
});
