import { describe, expect, it } from 'vitest';
import {
  blockChanges,
  fieldChanges,
  readableParts,
  renderBlocks,
  sourceChunks,
  versionDiff,
  wordParts,
  type BlockChange,
  type WordPart,
} from '../../../../renderer/history/version-diff';

/** A block change written the way a reader would describe it: [-removed-] and {+added+}. */
function show(change: BlockChange): string {
  const text = change.parts
    .map((part) =>
      part.change === 'same' ? part.text : part.change === 'added' ? `{+${part.text}+}` : `[-${part.text}-]`,
    )
    .join('');
  return `${change.kind}: ${text}`;
}

const BEFORE = `Ferries leave the **north pier** every hour.

## Tickets

Buy them at the [kiosk](https://example.test/kiosk) before boarding.

- Adults
- Children under five travel free
`;

describe('versionDiff', () => {
  it('shows the words that changed in rendered prose, not the Markdown around them', () => {
    const after = BEFORE.replace('**north pier**', '*north pier*')
      .replace('every hour', 'every half hour')
      .replace('[kiosk](https://example.test/kiosk)', '[kiosk](https://example.test/tickets)');
    const diff = versionDiff({ frontMatter: {}, body: BEFORE }, { frontMatter: {}, body: after });
    // Bold became italic and a link moved: a reader sees the same words, so only "half" is new.
    expect(diff.blocks.map(show)).toEqual(['changed: Ferries leave the north pier every {+half +}hour.']);
  });

  it('lists a new paragraph as added and a dropped one as removed, leaving untouched blocks out', () => {
    const after =
      BEFORE.replace('## Tickets\n\n', '').replace('- Adults\n', '- Adults\n- Bicycles\n') +
      '\nThe last ferry leaves at ten.\n';
    const diff = versionDiff({ frontMatter: {}, body: BEFORE }, { frontMatter: {}, body: after });
    expect(diff.blocks.map(show)).toEqual([
      'removed: [-Tickets-]',
      expect.stringMatching(/^changed: Adults.*\{\+.*Bicycles.*\+\}.*Children under five travel free$/),
      'added: {+The last ferry leaves at ten.+}',
    ]);
  });

  it('gives front-matter changes as field: old → new, including fields added and dropped', () => {
    const before = { title: 'Ferry times', tags: ['travel', 'harbour'], draft: true, author: 'Ines' };
    const after = {
      title: 'Ferry times for summer',
      tags: ['travel', 'harbour'],
      draft: false,
      image: '/img/ferry.jpg',
    };
    expect(fieldChanges(before, after)).toEqual([
      { key: 'title', before: 'Ferry times', after: 'Ferry times for summer' },
      { key: 'draft', before: 'true', after: 'false' },
      { key: 'image', before: null, after: '/img/ferry.jpg' },
      { key: 'author', before: 'Ines', after: null },
    ]);
    expect(fieldChanges({ tags: ['a', 'b'] }, { tags: ['a', 'c'] })).toEqual([
      { key: 'tags', before: 'a, b', after: 'a, c' },
    ]);
    expect(fieldChanges({ seo: { title: 'A' } }, { seo: { title: 'A' } })).toEqual([]);
  });

  it('reads a reference link in a changed paragraph as its words, though its definition is far away', () => {
    const before = 'Tickets are sold at the [kiosk][k].\n\nUnrelated paragraph.\n\n[k]: https://example.test/kiosk\n';
    const after = before.replace('sold at', 'sold only at');
    expect(versionDiff({ frontMatter: {}, body: before }, { frontMatter: {}, body: after }).blocks.map(show)).toEqual([
      'changed: Tickets are sold {+only +}at the kiosk.',
    ]);
  });

  it('compares a change inside a fenced code block with blank lines as one block', () => {
    const before = 'Setup:\n\n```sh\nnpm ci\n\nnpm test\n```\n\nDone.\n';
    const after = before.replace('npm test', 'npm run build');
    expect(versionDiff({ frontMatter: {}, body: before }, { frontMatter: {}, body: after }).blocks.map(show)).toEqual([
      'changed: npm ci npm [-test-]{+run build+}',
    ]);
  });

  it('finds nothing to show when only the Markdown spelling changed', () => {
    const diff = versionDiff(
      { frontMatter: { title: 'T' }, body: 'Calm *seas* today.\n' },
      { frontMatter: { title: 'T' }, body: 'Calm _seas_ today.\n' },
    );
    expect(diff).toEqual({ fields: [], blocks: [] });
  });
});

describe('renderBlocks', () => {
  it('renders each top-level block to its plain words', () => {
    expect(renderBlocks(BEFORE)).toEqual([
      'Ferries leave the north pier every hour.',
      'Tickets',
      'Buy them at the kiosk before boarding.',
      expect.stringMatching(/^Adults ?Children under five travel free$/),
    ]);
    expect(renderBlocks('')).toEqual([]);
  });

  it('counts an image by its alt text, so adding one shows as a change', () => {
    expect(renderBlocks('![The north pier at low tide](/img/pier.jpg)\n')).toEqual([
      '[Image: The north pier at low tide]',
    ]);
  });
});

describe('sourceChunks', () => {
  it('cuts at blank lines, but never inside fenced code', () => {
    expect(sourceChunks('# Title\n\nOne\ntwo\n\n\n~~~\na\n\nb\n~~~\n\nEnd\n')).toEqual([
      '# Title',
      'One\ntwo',
      '~~~\na\n\nb\n~~~',
      'End',
    ]);
  });
});

describe('blockChanges', () => {
  it('pairs a changed block with its new text even when blocks around it moved', () => {
    const changes = blockChanges(['One.', 'Two here.', 'Three.'], ['Zero.', 'One.', 'Two there.', 'Three.']);
    expect(changes.map(show)).toEqual(['added: {+Zero.+}', 'changed: Two [-here-]{+there+}.']);
  });
});

describe('readableParts', () => {
  const marked = (parts: WordPart[]) =>
    parts
      .map((part) =>
        part.change === 'same' ? part.text : part.change === 'added' ? `{+${part.text}+}` : `[-${part.text}-]`,
      )
      .join('');

  it('keeps marks on the words, and a replaced word apart from its replacement', () => {
    const parts = readableParts(
      wordParts('probably somewhere with fewer seagulls.', 'probably in the boathouse, with fewer seagulls.'),
    );
    expect(marked(parts)).toBe('probably [-somewhere-] {+in the boathouse,+} with fewer seagulls.');
    expect(parts.filter((part) => part.change !== 'same').every((part) => part.text === part.text.trim())).toBe(true);
  });

  it('cuts long unchanged stretches to a few words beside each change', () => {
    const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(marked(readableParts(wordParts(long, long.replace('w20', 'x20')), 3))).toBe(
      '… w17 w18 w19 [-w20-] {+x20+} w21 w22 w23 …',
    );
    // Short blocks are shown whole.
    expect(marked(readableParts(wordParts('Two short words.', 'Two short lines.'), 3))).toBe(
      'Two short [-words-] {+lines+}.',
    );
  });
});
