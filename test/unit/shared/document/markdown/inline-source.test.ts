/** The pure string side of inline source preservation: lining text up with its source, and splicing an edit in. */
import { describe, expect, it } from 'vitest';
import {
  alignSource,
  codeSpanValue,
  displayText,
  escapeTyped,
  spliceText,
  stripLinePrefixes,
} from '../../../../../shared/document/markdown/inline-source';
import { blockMeaning } from '../../../../../shared/document/markdown/verify';

describe('displayText and stripLinePrefixes', () => {
  it('shows soft line breaks as spaces', () => {
    expect(displayText('one\ntwo\r\nthree')).toBe('one two three');
  });

  it('drops what quotes and list items put before continuation lines', () => {
    expect(stripLinePrefixes('quote\n> more\n>   and more')).toBe('quote\nmore\nand more');
  });
});

describe('alignSource', () => {
  it('lines escapes, character references and line breaks up with the text they show', () => {
    const alignment = alignSource('a \\( &amp; b \n  c', 'a ( & b c');
    expect(alignment && Array.from(alignment.starts)).toEqual([0, 1, 2, 4, 5, 10, 11, 12, 16, 17]);
    expect(alignment && Array.from(alignment.breaks)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0]);
  });

  it('takes a reference that decodes to two code points as one piece', () => {
    const alignment = alignSource('x&ngE;y', 'x\u2267\u0338y');
    expect(alignment && Array.from(alignment.starts)).toEqual([0, 1, -1, 6, 7]);
  });

  it('gives up when the source is not the text', () => {
    expect(alignSource('abc', 'abd')).toBeNull();
    expect(alignSource('a\\*', 'a*x')).toBeNull();
  });
});

describe('spliceText', () => {
  const record = { s: 'Keep \\( and &amp;\nthe wrap', d: 'Keep ( and & the wrap' };

  it('keeps the source around the edit and hands back the new text unescaped', () => {
    expect(spliceText(record, 'Keep ( and & the *new* wrap')).toEqual({
      before: 'Keep \\( and &amp;\nthe ',
      middle: '*new* ',
      after: 'wrap',
      beforeValue: 'Keep ( and &\nthe ',
      afterValue: 'wrap',
    });
  });

  it('an unchanged text is all source', () => {
    expect(spliceText(record, record.d)).toMatchObject({ before: record.s, middle: '', after: '' });
  });

  it('never cuts inside a character reference', () => {
    expect(spliceText({ s: '&ngE;', d: '\u2267\u0338' }, '\u2267x')).toMatchObject({
      before: '',
      middle: '\u2267x',
      after: '',
    });
  });
});

describe('codeSpanValue and blockMeaning', () => {
  it('reads a code span as CommonMark does', () => {
    expect(codeSpanValue('`` a ` b ``')).toBe('a ` b');
    expect(codeSpanValue('`  `')).toBe('  ');
  });

  it('tells spellings that read the same from ones that do not, with the document’s references', () => {
    expect(blockMeaning('2 * 3 \\*')).toBe(blockMeaning('2 \\* 3 *'));
    expect(blockMeaning('*a*')).not.toBe(blockMeaning('\\*a*'));
    expect(blockMeaning('[x]', ['x'])).not.toBe(blockMeaning('\\[x]', ['x']));
    expect(blockMeaning('[x]')).toBe(blockMeaning('\\[x]'));
  });
});

describe('escapeTyped', () => {
  it('escapes what could start Markdown and leaves the rest as typed', () => {
    expect(escapeTyped('2 * 3 = snake_case, a ~ b')).toBe('2 * 3 = snake_case, a ~ b');
    expect(escapeTyped('*bold claim* and _this_')).toBe('\\*bold claim\\* and \\_this\\_');
    expect(escapeTyped('`x` [y] <b> &amp; a\\*')).toBe('\\`x\\` \\[y] \\<b> \\&amp; a\\\\\\*');
    expect(escapeTyped('a < b & c')).toBe('a < b & c');
  });

  it('reads the characters around it', () => {
    expect(escapeTyped('*', 'word', ' ')).toBe('\\*');
    expect(escapeTyped('_', 'snake', 'case')).toBe('_');
  });
});
