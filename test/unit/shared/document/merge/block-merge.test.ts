import { describe, expect, it } from 'vitest';
// `.mdx` bodies parse synchronously, as in the back end (the renderer loads the syntax on demand).
import '../../../../../shared/document/constructs/mdx/syntax';
import { mergeBody, resolveBody } from '../../../../../shared/document/merge/block-merge';

/** A small field-notes post body: a heading, four paragraphs, a list and a table. */
const BASE = `## Arrivals on the estuary

The first skeins of brent geese came in low over the saltmarsh on Tuesday, calling all the way.

By Thursday the flock on the mudflats had grown past four hundred birds.

- Brent geese: 412
- Wigeon: 88
- Curlew: 14

| Date | Tide | Count |
|:-----|-----:|------:|
| 3 Oct | 5.1 m | 212 |
| 5 Oct | 5.4 m | 412 |

A late redshank worked the tideline until dark.

We will count again at the next spring tide.
`;

/** `text` with exactly one occurrence of `from` replaced. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe('mergeBody', () => {
  it('applies edits made in different paragraphs on each side, even neighbouring ones', () => {
    const mine = edit(BASE, 'calling all the way', 'calling all the way in');
    const theirs = edit(BASE, 'four hundred birds', 'four hundred and twelve birds');
    const result = mergeBody(BASE, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(edit(mine, 'four hundred birds', 'four hundred and twelve birds'));
  });

  it('applies the same edit made on both sides once', () => {
    const mine = edit(edit(BASE, 'until dark', 'until it was dark'), 'Wigeon: 88', 'Wigeon: 90');
    const theirs = edit(BASE, 'until dark', 'until it was dark');
    const result = mergeBody(BASE, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(mine);
  });

  it('reports a paragraph deleted on one side and edited on the other as a conflict, and resolves it either way', () => {
    const paragraph = 'By Thursday the flock on the mudflats had grown past four hundred birds.\n\n';
    const mine = edit(BASE, paragraph, '');
    const theirs = edit(BASE, 'four hundred birds', 'four hundred and twelve birds');
    const result = mergeBody(BASE, mine, theirs);
    expect(result.text).toBeNull();
    expect(result.conflicts).toEqual([
      {
        index: 2,
        base: [paragraph],
        mine: [],
        theirs: [edit(paragraph, 'four hundred birds', 'four hundred and twelve birds')],
        description: 'Paragraph 2 (“By Thursday the flock on the…”)',
      },
    ]);
    expect(resolveBody(result, ['mine'])).toBe(mine);
    expect(resolveBody(result, ['theirs'])).toBe(theirs);
    expect(resolveBody(result, [{ text: 'By Thursday: 412 birds.\n' }])).toBe(
      edit(BASE, paragraph, 'By Thursday: 412 birds.\n\n'),
    );
  });

  it('names an edited paragraph in words a writer recognises', () => {
    const mine = edit(BASE, 'The first skeins', 'At dawn the first skeins');
    const theirs = edit(BASE, 'on Tuesday', 'on Monday');
    expect(mergeBody(BASE, mine, theirs).conflicts.map((c) => c.description)).toEqual([
      'Paragraph 1 (“The first skeins of brent geese…”)',
    ]);
  });

  it('takes an insertion on one side next to an edit on the other without a conflict', () => {
    const mine = edit(BASE, 'A late redshank', 'A single late redshank');
    const theirs = edit(BASE, 'A late redshank', 'Two little egrets fed in the creek.\n\nA late redshank');
    const result = mergeBody(BASE, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(edit(theirs, 'A late redshank', 'A single late redshank'));
  });

  it('keeps a paragraph both sides added once, where one side also edited the paragraph after it', () => {
    const added = 'Two little egrets fed in the creek.\n\n';
    const theirs = edit(BASE, 'A late redshank', `${added}A late redshank`);
    const mine = edit(BASE, 'A late redshank worked', `${added}A single late redshank worked`);
    const expected = edit(BASE, 'A late redshank worked', `${added}A single late redshank worked`);
    expect(mergeBody(BASE, mine, theirs).text).toBe(expected);
    expect(mergeBody(BASE, theirs, mine).text).toBe(expected);
    const before = edit(BASE, 'The first skeins', 'At dawn the first skeins');
    const meeting = edit(before, '\n\nBy Thursday', `\n\n${added}By Thursday`);
    const other = edit(edit(BASE, '\n\nBy Thursday', `\n\n${added}By Thursday`), 'four hundred birds', '412 birds');
    expect(mergeBody(BASE, meeting, other).text).toBe(edit(meeting, 'four hundred birds', '412 birds'));
  });

  it('reports two different insertions at the same place as a conflict, and keeps both when the writer says so', () => {
    const mine = edit(BASE, 'A late redshank', 'A kingfisher flashed past the sluice.\n\nA late redshank');
    const theirs = edit(BASE, 'A late redshank', 'Two little egrets fed in the creek.\n\nA late redshank');
    const result = mergeBody(BASE, mine, theirs);
    expect(result.conflicts).toEqual([
      {
        index: 5,
        base: [],
        mine: ['A kingfisher flashed past the sluice.\n\n'],
        theirs: ['Two little egrets fed in the creek.\n\n'],
        description: 'New text (“A kingfisher flashed past the…”) after table 1 (“Date, Tide, Count”)',
      },
    ]);
    const both = resolveBody(result, [
      { text: 'A kingfisher flashed past the sluice.\n\nTwo little egrets fed in the creek.' },
    ]);
    expect(both).toBe(
      edit(
        BASE,
        'A late redshank',
        'A kingfisher flashed past the sluice.\n\nTwo little egrets fed in the creek.\n\nA late redshank',
      ),
    );
  });

  it('merges a list edited on one side with a table edited on the other', () => {
    const mine = edit(BASE, '- Curlew: 14\n', '- Curlew: 14\n- Little egret: 2\n');
    const theirs = edit(BASE, '| 5 Oct | 5.4 m | 412 |', '| 5 Oct | 5.4 m | 412 |\n| 7 Oct | 5.6 m | 437 |');
    const result = mergeBody(BASE, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(edit(mine, '| 5 Oct | 5.4 m | 412 |', '| 5 Oct | 5.4 m | 412 |\n| 7 Oct | 5.6 m | 437 |'));
  });

  it('reports one list edited differently on both sides as one conflict on the whole list', () => {
    const mine = edit(BASE, 'Wigeon: 88', 'Wigeon: 91');
    const theirs = edit(BASE, 'Curlew: 14', 'Curlew: 15');
    const result = mergeBody(BASE, mine, theirs);
    expect(result.conflicts.map((c) => [c.index, c.description])).toEqual([[3, 'List 1 (“Brent geese: 412”)']]);
    expect(result.conflicts[0]?.mine).toEqual(['- Brent geese: 412\n- Wigeon: 91\n- Curlew: 14\n\n']);
  });

  it('writes the result in the line endings of theirs, keeping unchanged blocks as they were', () => {
    const theirs = edit(BASE, 'until dark', 'until nightfall').replace(/\n/g, '\r\n');
    const mine = edit(BASE, 'on Tuesday', 'on Monday');
    const result = mergeBody(BASE, mine, theirs);
    expect(result.text).toBe(
      edit(edit(BASE, 'until dark', 'until nightfall'), 'on Tuesday', 'on Monday').replace(/\n/g, '\r\n'),
    );
  });

  it('treats a change of line endings alone as no change', () => {
    const mine = BASE.replace(/\n/g, '\r\n');
    const theirs = edit(BASE, 'until dark', 'until nightfall');
    expect(mergeBody(BASE, edit(mine, 'on Tuesday', 'on Monday'), theirs).text).toBe(
      edit(theirs, 'on Tuesday', 'on Monday'),
    );
  });

  it('merges an edit in a last block without a trailing newline with an edit elsewhere', () => {
    const base = BASE.slice(0, -1);
    const mine = edit(base, 'next spring tide.', 'next spring tide, on the 17th.');
    const theirs = edit(base, 'Curlew: 14', 'Curlew: 15');
    const result = mergeBody(base, mine, theirs);
    expect(result.text).toBe(edit(mine, 'Curlew: 14', 'Curlew: 15'));
    expect(result.text?.endsWith('on the 17th.')).toBe(true);
  });

  it('keeps an edit to the last paragraph when the other side appends a paragraph after it', () => {
    const base = BASE.slice(0, -1);
    const mine = edit(base, 'next spring tide.', 'next spring tide, on the 17th.');
    const theirs = `${base}\n\nPhotographs by the reserve warden.\n`;
    const result = mergeBody(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(`${mine}\n\nPhotographs by the reserve warden.\n`);
  });

  it('reports different paragraphs appended on both sides as a conflict at the end', () => {
    const mine = `${BASE}\nPhotographs by the reserve warden.\n`;
    const theirs = `${BASE}\nWith thanks to the Tuesday volunteers.\n`;
    const result = mergeBody(BASE, mine, theirs);
    expect(result.conflicts.map((c) => c.description)).toEqual([
      'New text (“Photographs by the reserve…”) after paragraph 4 (“We will count again at the next…”)',
    ]);
    expect(resolveBody(result, ['theirs'])).toBe(theirs);
    expect(resolveBody(result, ['mine'])).toBe(mine);
  });

  it('lets a deleted last paragraph go without leaving its blank line behind', () => {
    const mine = edit(BASE, '\n\nWe will count again at the next spring tide.', '');
    const theirs = edit(BASE, 'The first skeins', 'At dawn the first skeins');
    expect(mergeBody(BASE, mine, theirs).text).toBe(edit(mine, 'The first skeins', 'At dawn the first skeins'));
  });

  it('returns the other side byte for byte when one side changed nothing', () => {
    const changed = edit(BASE, 'on Tuesday', 'on Monday').replace(/\n/g, '\r\n');
    expect(mergeBody(BASE, BASE, changed).text).toBe(changed);
    expect(mergeBody(BASE, changed, BASE).text).toBe(changed);
    expect(mergeBody(BASE, changed, changed).text).toBe(changed);
  });

  it('keeps a paired shortcode with its blank lines as one block', () => {
    const base =
      'Intro.\n\n{{< details summary="Counts" >}}\n\nFirst line.\n\nSecond line.\n\n{{< /details >}}\n\nOutro.\n';
    const mine = edit(base, 'First line.', 'First line, edited.');
    const theirs = edit(base, 'Outro.', 'Outro, edited.');
    const result = mergeBody(base, mine, theirs);
    expect(result.text).toBe(edit(mine, 'Outro.', 'Outro, edited.'));
    const clash = mergeBody(base, mine, edit(base, 'Second line.', 'Second line, edited.'));
    expect(clash.conflicts.map((c) => c.description)).toEqual(['Shortcode “details”']);
  });

  it('reads MDX bodies as MDX when asked', () => {
    const base = "import Chart from '../components/Chart.astro';\n\n<Chart data={counts} />\n\nClosing words.\n";
    const mine = edit(base, '<Chart data={counts} />', '<Chart data={counts} height={240} />');
    const theirs = edit(base, 'Closing words.', 'Closing words, revised.');
    expect(mergeBody(base, mine, theirs, { mdx: true }).text).toBe(
      edit(mine, 'Closing words.', 'Closing words, revised.'),
    );
  });

  it('refuses to resolve while a conflict has no choice', () => {
    const result = mergeBody(BASE, edit(BASE, 'Wigeon: 88', 'Wigeon: 91'), edit(BASE, 'Curlew: 14', 'Curlew: 15'));
    expect(() => resolveBody(result, [])).toThrow(/no resolution/);
  });
});
