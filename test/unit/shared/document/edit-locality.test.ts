import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { $createCodeNode } from '@lexical/code';
import { $createListItemNode, $createListNode, $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isParagraphNode,
  $isTextNode,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';
import { $createThematicBreakNode, $isRawBlockNode, loadDocument, saveDocument } from '../../../../shared/document';
import { changedLines, edit } from './helpers';

const messyPost = readFileSync(new URL('./fixtures/messy-post.md', import.meta.url), 'utf8');

function $paragraphContaining(text: string): ParagraphNode {
  const found = $getRoot()
    .getChildren()
    .find((node): node is ParagraphNode => $isParagraphNode(node) && node.getTextContent().includes(text));
  if (!found) throw new Error(`no paragraph containing ${text}`);
  return found;
}

function $appendToLastText(node: LexicalNode & { getChildren(): LexicalNode[] }, suffix: string): void {
  const last = node.getChildren().filter($isTextNode).pop();
  if (!last) throw new Error('no text');
  last.setTextContent(last.getTextContent() + suffix);
}

describe('editing one block changes only its lines', () => {
  it('appending to a paragraph leaves every other line of the post intact', () => {
    const editor = loadDocument(messyPost);
    edit(editor, () => $appendToLastText($paragraphContaining('Read the'), ' Mind the tide.'));
    const out = saveDocument(editor);
    const changed = changedLines(messyPost, out);
    const start = messyPost.split('\n').findIndex((line) => line.startsWith('Read the')) + 1;
    expect(changed.length).toBeGreaterThan(0);
    for (const [line] of changed) expect(line).toBeGreaterThanOrEqual(start);
    for (const [line] of changed) expect(line).toBeLessThanOrEqual(start + 2);
    expect(out).toContain('Caf');
    expect(out).toContain('Mind the tide.');
  });

  it('an edited paragraph keeps its own markers, hard breaks and reference links', () => {
    const editor = loadDocument(messyPost);
    edit(editor, () => {
      const paragraph = $paragraphContaining('The keeper wrote');
      const first = paragraph.getFirstChild();
      if (!$isTextNode(first)) throw new Error('expected text');
      first.setTextContent('The head keeper wrote ');
    });
    const out = saveDocument(editor);
    const changed = changedLines(messyPost, out);
    const start = messyPost.split('\n').findIndex((line) => line.startsWith('The keeper wrote')) + 1;
    expect(changed.map(([line]) => line).every((line) => line >= start && line <= start + 2)).toBe(true);
    const edited = out.split('\n')[start - 1];
    expect(edited).toBe('The head keeper wrote _every_ change of weather in the log, and the *lamp* hours too.  ');
    expect(out.split('\n')[start]).toContain('A **bold** claim, a __second__ one, ~~a retraction~~');
  });

  it('replacing a paragraph whole changes exactly its lines', () => {
    const markdown = 'First paragraph,\nwrapped.\n\nSecond one.\n\n\nThird, after two blank lines.\n';
    const editor = loadDocument(markdown);
    edit(editor, () => {
      const paragraph = $paragraphContaining('Second');
      paragraph.clear().append($createTextNode('Second, rewritten.'));
    });
    expect(saveDocument(editor)).toBe(
      'First paragraph,\nwrapped.\n\nSecond, rewritten.\n\n\nThird, after two blank lines.\n',
    );
  });

  it('keeps soft wraps of an edited paragraph', () => {
    const markdown = 'Line one\nline two\nline three\n';
    const editor = loadDocument(markdown);
    edit(editor, () => $appendToLastText($paragraphContaining('Line one'), ' and more'));
    expect(saveDocument(editor)).toBe('Line one\nline two\nline three and more\n');
  });

  it('editing one item of a nested mixed-marker list keeps the other markers', () => {
    const markdown = '* Oil\n* Wicks\n    - short\n    - long\n* Mantle\n\nAfter.\n';
    const editor = loadDocument(markdown);
    edit(editor, () => {
      const list = $getRoot().getFirstChild() as ListNode;
      const item = list.getChildren().find((child) => child.getTextContent() === 'Mantle');
      if (!$isListItemNode(item)) throw new Error('no item');
      $appendToLastText(item, ' (spare)');
    });
    // Markers and the nested list's own indentation (deeper than its parent's text) are kept.
    expect(saveDocument(editor)).toBe('* Oil\n* Wicks\n    - short\n    - long\n* Mantle (spare)\n\nAfter.\n');
  });

  it('editing a list item keeps the code block of another item', () => {
    const markdown = '1. Install:\n\n   ```sh\n   npm i\n   ```\n\n2. Run.\n';
    const editor = loadDocument(markdown);
    edit(editor, () => {
      const list = $getRoot().getFirstChild() as ListNode;
      const item = list.getChildren()[1];
      if (!$isListItemNode(item)) throw new Error('no item');
      $appendToLastText(item, ' Then wait.');
    });
    expect(saveDocument(editor)).toBe('1. Install:\n\n   ```sh\n   npm i\n   ```\n\n2. Run. Then wait.\n');
  });

  it('toggling a task changes only its checkbox', () => {
    const markdown = 'Tasks:\n\n- [x] Paint\n- [ ] Oil\n- [ ] Wicks\n';
    const editor = loadDocument(markdown);
    edit(editor, () => {
      const list = $getRoot().getChildren().find($isListNode);
      const item = list?.getChildren()[1];
      if (!$isListItemNode(item)) throw new Error('no item');
      item.setChecked(true);
    });
    expect(saveDocument(editor)).toBe('Tasks:\n\n- [x] Paint\n- [x] Oil\n- [ ] Wicks\n');
  });

  it('deleting and inserting blocks keeps the neighbours and their spacing', () => {
    const markdown = '# Title\n\nOne.\n\n\nTwo.\nThree\n---\n\nFour.\n';
    const editor = loadDocument(markdown);
    edit(editor, () => {
      $paragraphContaining('One.').remove();
      $paragraphContaining('Four.').insertBefore($createParagraphNode().append($createTextNode('Inserted.')));
    });
    expect(saveDocument(editor)).toBe('# Title\n\nTwo.\nThree\n---\n\nInserted.\n\nFour.\n');
  });

  it('editing headings keeps setext and closed ATX forms', () => {
    const markdown = 'Title\n=====\n\n## Part ##\n';
    const editor = loadDocument(markdown);
    edit(editor, () => {
      for (const heading of $getRoot().getChildren().filter($isHeadingNode)) $appendToLastText(heading, ' two');
    });
    expect(saveDocument(editor)).toBe('Title two\n=========\n\n## Part two ##\n');
  });

  it('editing a code block keeps its fence and info string', () => {
    const markdown = '~~~python title="lamp.py"\nhours = 0\n~~~\n';
    const editor = loadDocument(markdown);
    edit(editor, () => {
      const code = $getRoot().getFirstChild();
      if (!code || !('append' in code)) throw new Error('no code');
      (code as ParagraphNode).append($createLineBreakNode(), $createTextNode('hours += 1'));
    });
    expect(saveDocument(editor)).toBe('~~~python title="lamp.py"\nhours = 0\nhours += 1\n~~~\n');
  });

  it('an edited raw block is written exactly as typed', () => {
    const markdown = 'Text.\n\n<div class="note">\n  kept\n</div>\n\nMore.\n';
    const editor = loadDocument(markdown);
    edit(editor, () => {
      const raw = $getRoot().getChildren().find($isRawBlockNode);
      if (!raw) throw new Error('no raw block');
      $appendToLastText(raw, ' <!-- *not* markdown -->');
    });
    expect(saveDocument(editor)).toBe('Text.\n\n<div class="note">\n  kept\n</div> <!-- *not* markdown -->\n\nMore.\n');
  });
});

describe('new blocks follow the file’s style', () => {
  const house = [
    'Lamp notes',
    '==========',
    '',
    'Some _emphasis_ and __strong__ words.',
    '',
    '+ one',
    '+ two',
    '',
    '~~~',
    'code',
    '~~~',
    '',
    '***',
    '',
    'Closing line.',
    '',
  ].join('\n');

  it('appends a paragraph, list, code block, heading and rule in the document’s markers', () => {
    const editor = loadDocument(house);
    edit(editor, () => {
      const paragraph = $createParagraphNode().append(
        $createTextNode('New '),
        $createTextNode('italic').toggleFormat('italic'),
        $createTextNode(' and '),
        $createTextNode('bold').toggleFormat('bold'),
        $createTextNode(' text.'),
      );
      const list = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('alpha')),
        $createListItemNode().append($createTextNode('beta')),
      );
      const code = $createCodeNode('sh').append($createTextNode('echo hi'));
      const heading = $createHeadingNode('h2').append($createTextNode('Appendix'));
      $getRoot().append(paragraph, heading, list, $createThematicBreakNode(), code);
    });
    const out = saveDocument(editor);
    expect(out.startsWith(house)).toBe(true);
    expect(out.slice(house.length)).toBe(
      '\nNew _italic_ and __bold__ text.\n\nAppendix\n--------\n\n+ alpha\n+ beta\n\n***\n\n~~~sh\necho hi\n~~~\n',
    );
  });

  it('a new document without evidence uses CommonMark’s common spellings', () => {
    const editor = loadDocument('');
    edit(editor, () => {
      $getRoot().append(
        $createParagraphNode().append($createTextNode('x').toggleFormat('italic')),
        $createListNode('bullet').append($createListItemNode().append($createTextNode('y'))),
      );
    });
    expect(saveDocument(editor)).toBe('*x*\n\n- y\n');
  });

  it('a new empty paragraph writes nothing', () => {
    const editor = loadDocument('One.\n');
    edit(editor, () => {
      $getRoot().append($createParagraphNode(), $createParagraphNode());
    });
    expect(saveDocument(editor)).toBe('One.\n');
  });
});
