import { describe, expect, it } from 'vitest';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { UNDO_COMMAND } from 'lexical';
import { loadDocument, saveDocument } from '../../../../../shared/document';
import {
  $collectSegments,
  matchSegments,
  replaceMatches,
  segmentsOf,
} from '../../../../../renderer/editor/find/find-editor';
import { compileQuery, type FindQuery } from '../../../../../renderer/editor/find/find-matches';

const POST = `Tide tables for the *harbour* walk.

## The harbour at night

- Meet at the harbour steps
- Bring a **harbour** map

See the [harbour office](https://example.org/harbour) for times.

| Place   | Time  |
| ------- | ----- |
| Harbour | 18:00 |

\`\`\`
cd harbour
\`\`\`

Inline \`harbour\` stays as code.

<aside class="harbour">harbour</aside>
`;

function query(text: string, over: Partial<FindQuery> = {}): { query: FindQuery; pattern: RegExp } {
  const full: FindQuery = { text, matchCase: false, wholeWord: false, regex: false, ...over };
  const compiled = compileQuery(full);
  if (!compiled?.ok) throw new Error('no pattern');
  return { query: full, pattern: compiled.pattern };
}

function count(markdown: string, text: string, includeCode = false, over: Partial<FindQuery> = {}): number {
  const editor = loadDocument(markdown);
  const { pattern } = query(text, over);
  return editor.getEditorState().read(() => matchSegments($collectSegments(includeCode), pattern)).length;
}

describe('find in the document', () => {
  it('finds in paragraphs, emphasis, headings, list items, bold, link text and table cells, but not code or raw source', () => {
    expect(count(POST, 'harbour')).toBe(6);
    // The fenced block, the inline code and both in the raw HTML block.
    expect(count(POST, 'harbour', true)).toBe(10);
  });

  it('finds a phrase across formatting inside one block, but not across blocks', () => {
    expect(count('Meet at the **old** harbour.\n', 'the old harbour')).toBe(1);
    expect(count('First line ends here\n\nsecond starts', 'here second')).toBe(0);
  });

  it('replaces every match as one undo step, leaving code, raw blocks and link targets alone', async () => {
    const editor = loadDocument(POST);
    // As in the app, the loaded document is where history starts.
    const history = createEmptyHistoryState();
    history.current = { editor, editorState: editor.getEditorState() };
    registerHistory(editor, history, 0);
    const { query: find, pattern } = query('harbour');
    const replaced = replaceMatches(editor, find, pattern, 'quay', false, null);
    expect(replaced).toBe(6);
    const saved = saveDocument(editor);
    expect(saved).toContain('Tide tables for the *quay* walk.');
    expect(saved).toContain('## The quay at night');
    expect(saved).toContain('- Bring a **quay** map');
    expect(saved).toContain('[quay office](https://example.org/harbour)');
    expect(saved).toMatch(/^\| quay\s*\| 18:00 \|$/m);
    expect(saved).toContain('cd harbour');
    expect(saved).toContain('Inline `harbour` stays as code.');
    expect(saved).toContain('<aside class="harbour">harbour</aside>');

    editor.dispatchCommand(UNDO_COMMAND, undefined);
    // Undo sets the earlier state in an update Lexical commits on the next microtask.
    await Promise.resolve();
    expect(saveDocument(editor)).toBe(POST);
  });

  it('replaces one match with regex groups, and a match spanning formatting keeps the first part’s format', () => {
    const editor = loadDocument('Dates: 2026-03-14 and 2026-04-02.\n');
    const { query: find, pattern } = query('(\\d{4})-(\\d\\d)-(\\d\\d)', { regex: true });
    replaceMatches(editor, find, pattern, '$3.$2.$1', false, 1);
    expect(saveDocument(editor)).toBe('Dates: 2026-03-14 and 02.04.2026.\n');

    const spanning = loadDocument('Meet at the **old** harbour.\n');
    const phrase = query('old harbour');
    replaceMatches(spanning, phrase.query, phrase.pattern, 'new quay', false, null);
    expect(saveDocument(spanning)).toBe('Meet at the **new quay**.\n');
  });

  it('searches a 100,000-word post quickly enough to follow typing', () => {
    const paragraph =
      'The harbour master keeps a ledger of every boat that comes in after dark, and the tide tables beside it. ';
    // 4,800 paragraphs of 21 words (and a heading every 40): a little over 100,000 words.
    const markdown = Array.from(
      { length: 4800 },
      (_, index) => (index % 40 === 0 ? `## Section ${index}\n\n` : '') + paragraph.trim() + '\n',
    ).join('\n');
    const editor = loadDocument(markdown);
    const { pattern } = query('the');
    const started = performance.now();
    const matches = matchSegments(segmentsOf(editor, false), pattern);
    const elapsed = performance.now() - started;
    expect(matches.length).toBe(9600);
    // Typing on in the find field searches the same editor state: its segments are read once.
    const next = performance.now();
    expect(matchSegments(segmentsOf(editor, false), query('tide').pattern)).toHaveLength(4800);
    const again = performance.now() - next;
    // Figures, not a benchmark: printed for the report, loosely bounded so a slow machine still passes.
    console.info(
      `find: ${matches.length} matches in a ${markdown.split(/\s+/).length}-word post in ${elapsed.toFixed(1)} ms; the next search of the same text ${again.toFixed(1)} ms`,
    );
    expect(elapsed).toBeLessThan(2000);
  });
});
