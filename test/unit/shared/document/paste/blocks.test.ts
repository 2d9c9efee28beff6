import { describe, expect, it } from 'vitest';
import { pasteInto } from './paste-into';

describe('inserting pasted Markdown at the caret', () => {
  it('flows a single paragraph into the text at the caret', () => {
    expect(pasteInto('Hello world.\n', 'brave **new**\n', 'world')).toBe('Hello brave **new**world.\n');
  });

  it('joins the first and last pasted paragraphs with the text around the caret', () => {
    expect(pasteInto('Before after.\n', 'one\n\ntwo\n', 'after')).toBe('Before one\n\ntwoafter.\n');
  });

  it('keeps a pasted heading its own block, without a stray space left at the split', () => {
    expect(pasteInto('Hello world.\n', '## Head\n\nPara\n', 'world')).toBe('Hello\n\n## Head\n\nParaworld.\n');
  });

  it('fills an empty post with the pasted blocks as they are', () => {
    expect(pasteInto('', '## H\n\ntext\n')).toBe('## H\n\ntext\n');
  });

  it('puts blocks pasted at the end of a list item after the list, not inside the item', () => {
    const body = 'Intro *as typed*  here.\n\n* a star list\n* kept as is\n';
    expect(pasteInto(body, '## Head\n\nPara\n')).toBe(`${body}\n## Head\n\nPara\n`);
    expect(pasteInto(body, 'A\n\nB\n')).toBe('Intro *as typed*  here.\n\n* a star list\n* kept as isA\n\nB\n');
  });

  it('leaves every other block byte for byte', () => {
    const body = 'Top *stars*  and\\\nbreak.\n\n1) one\n2) two\n\nEnd __strong__.\n';
    const saved = pasteInto(body, 'New paragraph\n\n> a quote\n', 'End');
    expect(saved).toBe(
      'Top *stars*  and\\\nbreak.\n\n1) one\n2) two\n\nNew paragraph\n\n> a quote\n\nEnd __strong__.\n',
    );
  });
});
