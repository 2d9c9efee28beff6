import { describe, expect, it } from 'vitest';
import { applyEdits, columnOf, lineNumberAt, nextLineStart, startsLine } from '../../../../shared/content/text-edits';
import { detectLineEnding, fromLf, toLf } from '../../../../shared/content/line-endings';

describe('applyEdits', () => {
  it('applies replacements and insertions against the original offsets', () => {
    const source = 'one\ntwo\nthree\n';
    expect(
      applyEdits(source, [
        { start: 4, end: 7, text: 'TWO' },
        { start: 4, end: 4, text: 'before\n' },
        { start: 14, end: 14, text: 'four\n' },
      ]),
    ).toBe('one\nbefore\nTWO\nthree\nfour\n');
  });

  it('throws on overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, text: '' },
        { start: 2, end: 4, text: '' },
      ]),
    ).toThrowError(/Overlapping/);
  });
});

describe('line arithmetic', () => {
  it('finds columns, line numbers and line starts', () => {
    const source = 'a: 1\n  - b\n';
    expect(columnOf(source, 9)).toBe(4);
    expect(lineNumberAt(source, 9)).toBe(2);
    expect(nextLineStart(source, 2)).toBe(5);
    expect(startsLine(source, 7)).toBe(true);
    expect(startsLine(source, 9)).toBe(false);
  });
});

describe('line endings', () => {
  it('detects, strips and restores CRLF', () => {
    expect(detectLineEnding('a\r\nb\n')).toBe('\r\n');
    expect(detectLineEnding('a\nb\r\n')).toBe('\n');
    expect(detectLineEnding('single line')).toBe('\n');
    expect(toLf('a\r\nb\r\n')).toBe('a\nb\n');
    expect(fromLf('a\nb\n', '\r\n')).toBe('a\r\nb\r\n');
  });
});
