// @vitest-environment jsdom
// DOMPurify needs a real DOM; under happy-dom it lets `javascript:` links and handlers through.
import { describe, expect, it } from 'vitest';
import { pastedMarkdown, readClipboard, type ClipboardData } from '../../../../../renderer/editor/paste/clipboard';
import { pasteInto } from '../../../shared/document/paste/paste-into';

// Renderer tests are type-checked for the browser, so fixtures come in through Vite's `?raw`.
const fixtures = import.meta.glob<string>('../../../../fixtures/paste/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const fixture = (name: string): string => {
  const text = fixtures[`../../../../fixtures/paste/${name}`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
};

function clipboard(items: Record<string, string>, files = 0): ClipboardData {
  return { types: Object.keys(items), getData: (type: string) => items[type] ?? '', files: { length: files } };
}

function paste(items: Record<string, string>, body = '', plain = false): string {
  const content = readClipboard(clipboard(items), plain);
  if (!content) throw new Error('nothing to paste');
  return pasteInto(body, pastedMarkdown(content, plain));
}

describe('pasting clipboard HTML', () => {
  for (const source of ['google-docs', 'word', 'browser-article', 'notion']) {
    it(`turns ${source} HTML into the expected Markdown`, () => {
      const html = fixture(`${source}.html`);
      expect(paste({ 'text/html': html, 'text/plain': 'the text version is ignored' })).toBe(fixture(`${source}.md`));
    });
  }

  it('keeps no trace of Google Docs and Word wrappers or styles', () => {
    for (const source of ['google-docs', 'word']) {
      const saved = paste({ 'text/html': fixture(`${source}.html`) });
      expect(saved).not.toMatch(/docs-internal-guid|mso-|o:p|font-weight|<span|<b |\*\*\*\*|&#x20;/);
      // The Docs wrapper `<b style="font-weight:normal">` must not make the whole paste bold.
      expect(saved.split('\n')[2]).not.toMatch(/^\*\*/);
    }
  });

  it('drops the page chrome and unsafe links of a browser article but keeps its text', () => {
    const saved = paste({ 'text/html': fixture('browser-article.html') });
    expect(saved).not.toMatch(/javascript|onclick|track\(|Copy link|srcset|data:image\/gif/);
    expect(saved).toContain('Share this post');
    expect(saved).toContain('![Build time per week](https://cdn.example.dev/img/graph.png)');
  });

  it('changes only the lines it adds in an existing post', () => {
    const body = 'Intro with *stars*   and  odd  spacing.\n\n* a star list\n* kept as is\n';
    const saved = paste({ 'text/html': fixture('notion.html') }, body);
    expect(saved.startsWith(body)).toBe(true);
    expect(saved.slice(body.length)).toBe(`\n${fixture('notion.md')}`);
  });

  it('takes the HTML over the text, and the text under Ctrl+Shift+V', () => {
    const items = { 'text/html': '<p>An <strong>HTML</strong> <em>paste</em></p>', 'text/plain': 'An *HTML* paste' };
    expect(paste(items)).toBe('An **HTML** _paste_\n');
    expect(paste(items, '', true)).toBe('An \\*HTML\\* paste\n');
  });

  it('keeps spaces outside bold text and drops line breaks that show as nothing (found by the fuzz test)', () => {
    expect(paste({ 'text/html': '<p><b>bold </b>text <strong>x<br></strong></p>' })).toBe('**bold** text **x**\n');
    expect(paste({ 'text/html': '<p><strong>notes http://example.org <br></strong></p>' })).toBe(
      '**notes <http://example.org>**\n',
    );
  });

  it('leaves a clipboard of image files only to the image handler', () => {
    expect(readClipboard(clipboard({ Files: '' }, 1), false)).toBeNull();
    expect(readClipboard(clipboard({}, 0), false)).toBeNull();
    expect(
      readClipboard(clipboard({ 'text/html': '<img src="https://x.example/a.png">', Files: '' }, 1), false)?.kind,
    ).toBe('html');
  });
});

describe('pasting plain text', () => {
  it('turns a pasted article with one paragraph per line into paragraphs and a real list', () => {
    expect(paste({ 'text/plain': fixture('article.txt') })).toBe(fixture('article.md'));
  });

  it('joins hard-wrapped lines and reads the Markdown in a text with blank lines', () => {
    expect(paste({ 'text/plain': fixture('newsletter.txt') })).toBe(fixture('newsletter.md'));
  });
});
