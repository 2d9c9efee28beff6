import { describe, expect, it } from 'vitest';
import { joinBlocks, splitBlocks } from '../../../../../shared/document/merge/blocks';
import { blockExcerpt, describeBlock, describeRegion } from '../../../../../shared/document/merge/describe-block';

const BODY = `
# Field notes

Para one
wrapped  

- a
- b

   indented para

\`\`\`toml
count = 412
\`\`\`

[guide]: https://example.org/guide
`;

describe('splitBlocks', () => {
  it('cuts a body at the document model’s block boundaries, spacing kept after each block', () => {
    const split = splitBlocks(BODY);
    expect(split.head).toBe('\n');
    expect(split.blocks.map((block) => [block.kind, block.content, block.gap])).toEqual([
      ['heading', '# Field notes', '\n\n'],
      ['paragraph', 'Para one\nwrapped  ', '\n\n'],
      ['list', '- a\n- b\n\n   indented para', '\n\n'],
      ['code', '```toml\ncount = 412\n```', '\n\n'],
      ['definition', '[guide]: https://example.org/guide', ''],
    ]);
    expect(split.tail).toBe('\n');
    expect(joinBlocks(split)).toBe(BODY);
  });

  it('keeps a body without blocks whole as its tail', () => {
    expect(splitBlocks('\n\n')).toEqual({ head: '', blocks: [], tail: '\n\n' });
  });
});

describe('describing blocks', () => {
  const blocks = splitBlocks(
    '## Arrivals\n\nThe first skeins of brent geese came in low over the marsh.\n\n| Site | Count |\n|---|---|\n| Marsh | 4 |\n\nSecond *paragraph* with a [link](https://example.org).\n',
  ).blocks;

  it('names headings by their text and other blocks by kind, number and opening words', () => {
    expect(blocks.map((_, index) => describeBlock(blocks, index))).toEqual([
      'Heading “Arrivals”',
      'Paragraph 1 (“The first skeins of brent geese…”)',
      'Table 1 (“Site, Count”)',
      'Paragraph 2 (“Second paragraph with a link.”)',
    ]);
  });

  it('describes regions of several blocks and insertions', () => {
    expect(describeRegion(blocks, 1, 2)).toBe(
      'Paragraph 1 (“The first skeins of brent geese…”) and the block after it',
    );
    expect(describeRegion(blocks, 0, 0, { content: 'A new opening line.' })).toBe(
      'New text (“A new opening line.”) at the start',
    );
    expect(describeRegion(blocks, 2, 0)).toBe('New text after paragraph 1 (“The first skeins of brent geese…”)');
  });

  it('strips Markdown marks from excerpts', () => {
    expect(blockExcerpt('> **Note:** the `tide` turns at [noon](https://example.org).')).toBe(
      'Note: the tide turns at noon.',
    );
    expect(blockExcerpt('- [x] Count the geese\n- [ ] Count the curlew', 'list')).toBe('Count the geese');
  });
});
