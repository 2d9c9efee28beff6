import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../shared/document';
import {
  DEFAULT_STYLE,
  inferDocStyle,
  listItemIndentOf,
  parseDocStyle,
  ruleStyle,
} from '../../../../shared/document/markdown/style';

const infer = (markdown: string) => inferDocStyle(parseMarkdown(markdown), markdown);

describe('house style inference', () => {
  it('falls back to CommonMark’s common spellings without evidence', () => {
    expect(infer('Just words.\n')).toEqual(DEFAULT_STYLE);
  });

  it('takes the most frequent marker of each kind', () => {
    const style = infer(
      '_a_ _b_ *c* __d__\n\n* x\n* y\n- z\n\n1) one\n2) two\n\n~~~\ncode\n~~~\n\nTitle\n=====\n\nline\\\nbreak\n\n- - -\n',
    );
    expect(style).toMatchObject({
      emphasis: '_',
      strong: '_',
      bullet: '*',
      bulletOrdered: ')',
      fence: '~',
      fences: true,
      setext: true,
      hardBreak: 'backslash',
      rule: '-',
      ruleSpaces: true,
    });
  });

  it('notices indented-only code, closed ATX headings, repeated ordinals and trailing-space breaks', () => {
    const style = infer('## A ##\n\n    code\n\n1. a\n1. b\n\nline  \nbreak\n');
    expect(style).toMatchObject({
      fences: false,
      closeAtx: true,
      incrementListMarker: false,
      hardBreak: 'spaces',
      setext: false,
    });
  });

  it('reads list indentation and rules', () => {
    expect(listItemIndentOf('-   wide')).toBe('tab');
    expect(listItemIndentOf('- narrow')).toBe('one');
    expect(listItemIndentOf('10. ten')).toBe('one');
    expect(ruleStyle('* * * *')).toEqual({ rule: '*', ruleRepetition: 4, ruleSpaces: true });
  });

  it('validates a stored style field by field', () => {
    expect(parseDocStyle({ bullet: '+', emphasis: 'x', ruleRepetition: 1 })).toEqual({ ...DEFAULT_STYLE, bullet: '+' });
    expect(parseDocStyle(null)).toEqual(DEFAULT_STYLE);
  });
});
