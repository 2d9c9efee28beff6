import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../../shared/document';
import { textToPastedMarkdown } from '../../../../../shared/document/paste';
import { pasteInto } from './paste-into';

const paste = (text: string, plain = false): string => pasteInto('', textToPastedMarkdown(text, { plain }));

/** Every URL the Markdown links or shows, and whether it holds raw HTML. */
function constructs(markdown: string): { urls: string[]; html: string[] } {
  const urls: string[] = [];
  const html: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
    if (node.type === 'html') html.push(node.value);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(parseMarkdown(markdown));
  return { urls, html };
}

describe('pasting plain prose', () => {
  it('splits paragraphs on blank lines and reads a single newline as a space', () => {
    expect(paste('The first paragraph was\nwrapped here.\n\nThe second one.\n')).toBe(
      'The first paragraph was wrapped here.\n\nThe second one.\n',
    );
  });

  it('makes each line a paragraph when the text has no blank line at all', () => {
    expect(paste('A title\nA first paragraph that is a whole line.\nA second one.')).toBe(
      'A title\n\nA first paragraph that is a whole line.\n\nA second one.\n',
    );
  });

  it('joins lines hard-wrapped at one width even without blank lines', () => {
    const text =
      'This paragraph was wrapped by an email client at about\nsixty characters, so every line but the last is nearly as\nlong as the others.\nA new paragraph.';
    expect(paste(text)).toBe(
      'This paragraph was wrapped by an email client at about sixty characters, so every line but the last is nearly as long as the others.\n\nA new paragraph.\n',
    );
  });

  it('turns list-like lines into real lists, with no escaped markers', () => {
    const saved = paste('Shopping:\n- bread\n- milk\n• tea\nThen home.');
    expect(saved).toBe('Shopping:\n\n- bread\n- milk\n- tea\n\nThen home.\n');
    expect(saved).not.toContain('\\-');
    expect(paste('Steps\n1. mix\n2. bake')).toBe('Steps\n\n1. mix\n2. bake\n');
  });

  it('keeps a fenced code block line for line', () => {
    expect(paste('Run this:\n```sh\nnpm ci\nnpm test\n```\nDone.')).toBe(
      'Run this:\n\n```sh\nnpm ci\nnpm test\n```\n\nDone.\n',
    );
  });
});

describe('pasting Markdown as text', () => {
  it('reads headings, emphasis, links, quotes and tables with the document parser', () => {
    const text =
      '# Title\n\nSome *em* and **strong** with [a link](https://example.org).\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(paste(text)).toBe(
      '# Title\n\nSome _em_ and **strong** with [a link](https://example.org).\n\n> quoted\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
    );
  });

  it('pastes the characters as they are under Ctrl+Shift+V, paragraphs only', () => {
    expect(paste('# not a heading\n- not a list\n*not em*', true)).toBe(
      '\\# not a heading\n\n\\- not a list\n\n\\*not em\\*\n',
    );
    expect(paste('wrapped\nline\n\nnext', true)).toBe('wrapped line\n\nnext\n');
  });
});

describe('unsafe addresses and markup in pasted text', () => {
  const attacks = [
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt&#58;alert(1))',
    '[click](java\tscript:alert(1))',
    '[click](vbscript:msgbox(1))',
    '![x](data:text/html;base64,PHNjcmlwdD4=)',
    '[click][ref]\n\n[ref]: javascript:alert(1)',
    '![img][pic]\n\n[pic]: data:text/html,<script>alert(1)</script>',
    '<javascript:alert(1)>',
    '<a href="javascript:alert(1)">click</a>',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<svg><a href="javascript:alert(1)"><text>t</text></a></svg>',
  ];
  for (const attack of attacks) {
    it(`refuses ${JSON.stringify(attack)}`, () => {
      const saved = paste(`Before ${attack} after`);
      const { urls, html } = constructs(saved);
      expect(html).toEqual([]);
      expect(
        urls.filter((url) => /^\s*(?:java|vb)script|^data:text/i.test(decodeURIComponent(url).replace(/&#58;/g, ':'))),
      ).toEqual([]);
      expect(saved).toContain('Before');
    });
  }

  it('keeps the text of a refused link and the alt text of a refused image', () => {
    expect(paste('See [the docs](javascript:alert(1)) and ![a chart](vbscript:x).')).toBe(
      'See the docs and a chart.\n',
    );
  });

  it('keeps safe links and images', () => {
    expect(paste('[home](https://example.org) ![logo](/img/logo.png) <mailto:me@example.org>')).toBe(
      '[home](https://example.org) ![logo](/img/logo.png) <mailto:me@example.org>\n',
    );
  });
});
