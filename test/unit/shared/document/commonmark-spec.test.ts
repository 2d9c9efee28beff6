/**
 * Every example of the CommonMark spec (0.31.2) survives import into the document model and
 * export without edits: byte for byte, and — checked separately so a byte difference that keeps
 * the meaning is still told apart from one that changes it — rendering to the same HTML with the
 * reference implementation (commonmark.js).
 */
import { createRequire } from 'node:module';
import { HtmlRenderer, Parser } from 'commonmark';
import { $getRoot, $isTextNode, type ElementNode } from 'lexical';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument, roundtripMarkdown, saveDocument } from '../../../../shared/document';
import { edit } from './helpers';

interface SpecExample {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

// commonmark-spec ships no types; its export is the parsed examples of spec.txt.
const { tests: examples } = createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] };

/**
 * Examples whose round trip is known to differ, by number, with why. Each is still run: its test
 * asserts the difference is still there, so a fix shows up as a failure asking to drop the entry.
 * Empty: all 652 examples round-trip byte for byte.
 */
const KNOWN_DIFFERENCES: ReadonlyMap<number, string> = new Map<number, string>([]);

const render = (markdown: string): string => new HtmlRenderer().render(new Parser().parse(markdown));

const counts = { identical: 0, sameHtml: 0 };

afterAll(() => {
  console.log(
    `CommonMark spec round trip: identical ${counts.identical}/${examples.length}, same HTML ${counts.sameHtml}/${examples.length}`,
  );
});

describe(`CommonMark spec examples (${examples.length})`, () => {
  it('has all 652 examples of spec 0.31.2', () => {
    expect(examples).toHaveLength(652);
  });

  it.each(examples.map((example) => [example.number, example.section, example] as const))(
    'example %i (%s)',
    (number, _section, example) => {
      const output = roundtripMarkdown(example.markdown);
      const identical = output === example.markdown;
      const sameHtml = render(output) === render(example.markdown);
      if (identical) counts.identical += 1;
      if (sameHtml) counts.sameHtml += 1;
      if (KNOWN_DIFFERENCES.has(number)) {
        // Fails once the example passes, so the list cannot go stale.
        expect(
          { identical, sameHtml },
          `example ${number} now round-trips: remove it from KNOWN_DIFFERENCES`,
        ).not.toEqual({ identical: true, sameHtml: true });
        return;
      }
      expect(output).toBe(example.markdown);
      expect(render(output)).toBe(render(example.markdown));
    },
  );

  it('KNOWN_DIFFERENCES only names real examples', () => {
    const numbers = new Set(examples.map((example) => example.number));
    expect([...KNOWN_DIFFERENCES.keys()].filter((number) => !numbers.has(number))).toEqual([]);
  });
});

describe('a setext heading that starts with link reference definitions (example 215)', () => {
  const markdown = '[foo]: /url\nbar\n===\n[foo]\n';

  it('keeps the heading on its own line when the heading is edited', () => {
    const editor = loadDocument(markdown);
    edit(editor, () => {
      const heading = $getRoot().getChildren()[1] as ElementNode;
      const text = heading.getFirstChild();
      if (!$isTextNode(text)) throw new Error('the heading has no text');
      text.setTextContent('baz');
    });
    const output = saveDocument(editor);
    expect(output).toBe('[foo]: /url\nbaz\n===\n[foo]\n');
    expect(render(output)).toBe('<h1>baz</h1>\n<p><a href="/url">foo</a></p>\n');
  });
});
