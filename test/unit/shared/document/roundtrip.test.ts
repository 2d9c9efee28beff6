import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { $getRoot } from 'lexical';
import {
  $exportBlocks,
  $exportMarkdown,
  createDocumentEditor,
  loadDocument,
  roundtripMarkdown,
  saveDocument,
} from '../../../../shared/document';
import { commonmarkCases } from './fixtures/commonmark-cases';
import { meaningOf, reserializeAll } from './helpers';

const messyPost = readFileSync(new URL('./fixtures/messy-post.md', import.meta.url), 'utf8');

describe('round trip without edits', () => {
  it('is byte-identical for a post using every construct and real-world mess', () => {
    expect(roundtripMarkdown(messyPost)).toBe(messyPost);
  });

  it('writes every block of that post from its source (every fingerprint matched)', () => {
    const editor = loadDocument(messyPost);
    const origins = editor.getEditorState().read(() => $exportBlocks().blocks.map((block) => block.origin));
    expect(origins.length).toBeGreaterThanOrEqual(25);
    expect(origins.every((origin) => origin === 'source')).toBe(true);
  });

  it('keeps leading blank lines, extra trailing newlines and a missing final newline', () => {
    for (const variant of [`\n\n${messyPost}`, `${messyPost}\n\n`, messyPost.trimEnd()]) {
      expect(roundtripMarkdown(variant)).toBe(variant);
    }
  });

  it('keeps a whole file with front matter when asked to parse it', () => {
    const file = `---\ntitle: "Lamp log"\ntags: [sea]\n---\n${messyPost}`;
    expect(roundtripMarkdown(file, { frontMatter: true })).toBe(file);
    const editor = loadDocument(file, { frontMatter: true });
    expect(editor.getEditorState().read(() => $getRoot().getFirstChild()?.getType())).toBe('md-raw-block');
  });

  it('survives the editor state’s JSON round trip (what is kept lives in NodeState)', () => {
    const json = JSON.stringify(loadDocument(messyPost).getEditorState().toJSON());
    const editor = createDocumentEditor();
    const state = editor.parseEditorState(json);
    expect(state.read(() => $exportMarkdown())).toBe(messyPost);
    editor.setEditorState(state);
    expect(saveDocument(editor)).toBe(messyPost);
  });

  describe(`${commonmarkCases.length} CommonMark/GFM-style fixtures`, () => {
    it.each(commonmarkCases)('%s', (_name, markdown) => {
      expect(roundtripMarkdown(markdown)).toBe(markdown);
    });
  });
});

describe('re-serializing as if every block were edited', () => {
  it('keeps the meaning of the messy post', () => {
    expect(meaningOf(reserializeAll(messyPost))).toEqual(meaningOf(messyPost));
  });

  // Lexical's italic is a flag, so emphasis directly inside emphasis (`*(*foo*)*`) collapses
  // into one: the only fixture whose meaning an edit would change.
  const lossyWhenEdited = new Set(['emphasis with punctuation']);

  it.each(commonmarkCases.filter(([name]) => !lossyWhenEdited.has(name)))(
    'keeps the meaning of %s',
    (_name, markdown) => {
      expect(meaningOf(reserializeAll(markdown))).toEqual(meaningOf(markdown));
    },
  );

  it('collapses emphasis nested in emphasis (a known limit of text formats)', () => {
    expect(reserializeAll('*(*foo*)*\n')).toBe('*(foo)*');
  });
});
