import { describe, expect, it } from 'vitest';
import { $isTableNode } from '@lexical/table';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
} from 'lexical';
import { loadDocument, saveDocument } from '../../../../../shared/document';
import {
  $insertCodeBlock,
  $insertHorizontalRule,
  $insertRawBlock,
  $leaveTable,
} from '../../../../../renderer/editor/insert/insert-blocks';

const POST = 'The ferry left at nine.\n\nWe watched the gulls.\n';

/** Runs `insert` with the caret in a new empty paragraph after the first one (what "/" leaves), then types `text`. */
function insertAfterFirst(insert: () => void, text = ''): string {
  const editor = loadDocument(POST);
  editor.update(
    () => {
      const empty = $createParagraphNode();
      $getRoot().getFirstChild()?.insertAfter(empty);
      empty.select();
      insert();
      if (text !== '') {
        const selection = $getRoot().getChildAtIndex(1);
        if ($isElementNode(selection)) selection.append($createTextNode(text));
      }
    },
    { discrete: true },
  );
  return saveDocument(editor);
}

describe('inserting blocks at the caret', () => {
  it('a horizontal rule in the document’s rule style, nothing else changed', () => {
    expect(insertAfterFirst($insertHorizontalRule)).toBe('The ferry left at nine.\n\n---\n\nWe watched the gulls.\n');
    // A post that already uses `***` gets `***`.
    const dashed = loadDocument('One.\n\n***\n\nTwo.\n');
    dashed.update(
      () => {
        $getRoot().getLastChild()?.selectEnd();
        $insertHorizontalRule();
      },
      { discrete: true },
    );
    expect(saveDocument(dashed)).toBe('One.\n\n***\n\nTwo.\n\n***\n');
  });

  it('a code block as a fence', () => {
    expect(insertAfterFirst($insertCodeBlock, 'npm ci')).toBe(
      'The ferry left at nine.\n\n```\nnpm ci\n```\n\nWe watched the gulls.\n',
    );
  });

  it('a raw HTML block written exactly as typed', () => {
    expect(insertAfterFirst($insertRawBlock, '<iframe src="https://example.org/map"></iframe>')).toBe(
      'The ferry left at nine.\n\n<iframe src="https://example.org/map"></iframe>\n\nWe watched the gulls.\n',
    );
  });

  it('an empty raw block leaves no trace in the file', () => {
    expect(insertAfterFirst($insertRawBlock)).toBe(POST);
  });
});

describe('a heading, list or quote chosen in a table cell', () => {
  it('is made in a new paragraph after the table, leaving the cell as it was', () => {
    const editor = loadDocument('| Pier | Opens |\n| ---- | ----- |\n| North | 7:00 |\n');
    editor.update(
      () => {
        const table = $getRoot().getFirstChild();
        if (!$isTableNode(table)) throw new Error('no table');
        table.getLastDescendant()?.selectEnd();
        $leaveTable();
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText('Timetable notes');
      },
      { discrete: true },
    );
    expect(saveDocument(editor)).toBe('| Pier | Opens |\n| ---- | ----- |\n| North | 7:00 |\n\nTimetable notes\n');
  });

  it('outside a table does nothing', () => {
    const editor = loadDocument(POST);
    editor.update(
      () => {
        $getRoot().getFirstChild()?.selectEnd();
        $leaveTable();
      },
      { discrete: true },
    );
    expect(saveDocument(editor)).toBe(POST);
  });
});
