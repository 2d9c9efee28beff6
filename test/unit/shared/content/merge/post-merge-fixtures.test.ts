/**
 * Property checks of the merge over every fixture post and data file (test/fixtures/posts/ and the
 * content folders of test/fixtures/sites/): a side that changed nothing yields the other side byte
 * for byte — through the whole-file shortcut and through the block engine itself — and edits to
 * two different paragraphs plus a front matter field on the other side give exactly the text
 * with both edits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// `.mdx` bodies parse synchronously, as in the back end (the renderer loads the syntax on demand).
import '../../../../../shared/document/constructs/mdx/syntax';
import { dataFormatOfPath, parseDataFile, updateDataFile } from '../../../../../shared/content/data-file';
import { splitPostFile } from '../../../../../shared/content/front-matter-split';
import { mergeDataText, mergePostText, resolveMerge } from '../../../../../shared/content/merge/post-merge';
import { parsePostFile, updatePostFile } from '../../../../../shared/content/post-file';
import { mergeSplits } from '../../../../../shared/document/merge/block-merge';
import { joinBlocks, splitBlocks, type BlockSplit } from '../../../../../shared/document/merge/blocks';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const all = [
  ...walk(join(FIXTURES, 'posts')),
  ...walk(join(FIXTURES, 'sites')).filter((path) => path.includes('/content/')),
];
const POSTS = all
  .filter((path) => /\.(md|mdx|markdown)$/.test(path))
  .map((path) => ({ name: relative(FIXTURES, path), text: readFileSync(path, 'utf8'), mdx: path.endsWith('.mdx') }));
const DATA = all
  .filter((path) => dataFormatOfPath(path) !== null)
  .map((path) => ({ name: relative(FIXTURES, path), text: readFileSync(path, 'utf8') }));

const MINE_MARK = ' Added from the journal.';
const THEIRS_MARK = ' Added by a co-author.';

/** `text` with `mark` inserted right after the only occurrence of `anchor`. */
function insertAfter(text: string, anchor: string, mark: string): string {
  const at = text.indexOf(anchor);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(anchor, at + 1)).toBe(-1);
  return text.slice(0, at + anchor.length) + mark + text.slice(at + anchor.length);
}

/**
 * Paragraphs and ATX headings whose source (in the file's own line endings) occurs once in the
 * file: text appended to them stays in the same block, and they can be found by search.
 */
function uniqueParagraphs(text: string, mdx: boolean): string[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return splitBlocks(parsePostFile(text).body, { mdx })
    .blocks.filter((block) => block.kind === 'paragraph' || (block.kind === 'heading' && block.content.startsWith('#')))
    .map((block) => block.content.replace(/\n/g, eol))
    .filter((source) => text.split(source).length === 2);
}

/** Bases to merge against: the post with a paragraph changed, one removed, one added, and another post entirely. */
function bodyVariants(body: string, mdx: boolean, other: string): string[] {
  const split = splitBlocks(body, { mdx });
  const variants = [other];
  const first = split.blocks[0];
  if (first) {
    variants.push(
      joinBlocks({
        ...split,
        blocks: [{ ...first, content: `${first.content} (an older wording)` }, ...split.blocks.slice(1)],
      }),
    );
    variants.push(joinBlocks({ ...split, blocks: split.blocks.slice(1) }));
  }
  variants.push(
    joinBlocks({
      ...split,
      blocks: [...split.blocks, { kind: 'paragraph', content: 'A paragraph since cut.', gap: '' }],
    }),
  );
  return variants;
}

const lf = (text: string): string => text.replace(/\r\n/g, '\n');

describe('merging the fixture posts', () => {
  it('covers the fixtures', () => {
    expect(POSTS.length).toBeGreaterThan(80);
    expect(DATA.length).toBeGreaterThanOrEqual(3);
  });

  it.each(POSTS)('$name: a side that changed nothing yields the other side byte for byte', ({ text, mdx }) => {
    const parsed = parsePostFile(text);
    const base = updatePostFile(text, {
      frontMatter: { ...parsed.data, merged: 'earlier' },
      body: `${parsed.body}\nAn earlier closing line.\n`,
    });
    expect(mergePostText(base, base, text, { mdx }).text).toBe(text);
    expect(mergePostText(base, text, base, { mdx }).text).toBe(text);
    expect(mergePostText(base, text, text, { mdx }).text).toBe(text);
  });

  it.each(POSTS)('$name: the block engine alone gives the changed side back exactly', ({ text, mdx }) => {
    const body = lf(parsePostFile(text).body);
    const other = lf(parsePostFile((POSTS.find((post) => post.text !== text) ?? POSTS[0]!).text).body);
    const x: BlockSplit = splitBlocks(body, { mdx });
    for (const variant of bodyVariants(body, mdx, other)) {
      const base = splitBlocks(variant, { mdx });
      expect(mergeSplits(base, base, x).text).toBe(body);
      expect(mergeSplits(base, x, base).text).toBe(body);
      expect(mergeSplits(base, x, x).text).toBe(body);
    }
  });

  it.each(POSTS)(
    '$name: edits to two paragraphs and a field on the other side merge to exactly both',
    ({ text, mdx }) => {
      const paragraphs = uniqueParagraphs(text, mdx);
      if (paragraphs.length < 2) return;
      const [first, last] = [paragraphs[0]!, paragraphs[paragraphs.length - 1]!];
      const parsed = parsePostFile(text);
      const mine = insertAfter(text, first, MINE_MARK);
      let theirs = insertAfter(text, last, THEIRS_MARK);
      if (splitPostFile(text).format !== 'none' && typeof parsed.data.title === 'string') {
        const edited = parsePostFile(theirs);
        theirs = updatePostFile(theirs, {
          frontMatter: { ...edited.data, title: `${parsed.data.title} (revised)` },
          body: edited.body,
        });
      }
      const merged = mergePostText(text, mine, theirs, { mdx });
      expect(merged.conflicts).toEqual([]);
      expect(merged.text).toBe(insertAfter(theirs, first, MINE_MARK));
      // The other way round the result is written on top of the journal's text instead.
      const swapped = mergePostText(text, theirs, mine, { mdx });
      expect(swapped.conflicts).toEqual([]);
      expect(parsePostFile(swapped.text ?? '')).toEqual(parsePostFile(merged.text ?? ''));
    },
  );

  it.each(POSTS)(
    '$name: a paragraph inserted on one side and an edit on the other merge to exactly both',
    ({ text, mdx }) => {
      const paragraphs = uniqueParagraphs(text, mdx);
      if (paragraphs.length < 2) return;
      const [first, last] = [paragraphs[0]!, paragraphs[paragraphs.length - 1]!];
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const inserted = `${eol}${eol}A paragraph written offline, kept by the journal.`;
      const mine = insertAfter(text, first, inserted);
      const theirs = insertAfter(text, last, THEIRS_MARK);
      expect(mergePostText(text, mine, theirs, { mdx }).text).toBe(insertAfter(theirs, first, inserted));
      expect(mergePostText(text, theirs, mine, { mdx }).text).toBe(insertAfter(theirs, first, inserted));
    },
  );

  it.each(POSTS)(
    '$name: the same paragraph edited differently is one conflict, settled either way',
    ({ text, mdx }) => {
      const paragraphs = uniqueParagraphs(text, mdx);
      if (paragraphs.length < 1) return;
      const target = paragraphs[0]!;
      const mine = insertAfter(text, target, MINE_MARK);
      const theirs = insertAfter(text, target, THEIRS_MARK);
      const result = mergePostText(text, mine, theirs, { mdx });
      expect(result.conflicts.map((conflict) => conflict.kind)).toEqual(['block']);
      const id = result.conflicts[0]!.id;
      expect(result.text).toBeNull();
      expect(resolveMerge(result, { [id]: 'mine' })).toBe(mine);
      expect(resolveMerge(result, { [id]: 'theirs' })).toBe(theirs);
    },
  );
});

describe('merging the fixture data files', () => {
  it.each(DATA)(
    '$name: two fields changed on two sides both land, and an unchanged side gives the other back',
    ({ name, text }) => {
      const format = dataFormatOfPath(name)!;
      const data = parseDataFile(text, format);
      const keys = Object.keys(data).filter((key) => typeof data[key] === 'string');
      const base = updateDataFile(text, format, { ...data, mergedEarlier: true });
      expect(mergeDataText(base, base, text, format).text).toBe(text);
      expect(mergeDataText(base, text, base, format).text).toBe(text);
      expect(mergeDataText(base, text, text, format).text).toBe(text);
      if (keys.length < 2) return;
      const [a, b] = [keys[0]!, keys[keys.length - 1]!];
      const mine = updateDataFile(text, format, { ...data, [a]: `${String(data[a])} (mine)` });
      const theirs = updateDataFile(text, format, { ...data, [b]: `${String(data[b])} (theirs)` });
      const merged = mergeDataText(text, mine, theirs, format);
      expect(merged.text).toBe(
        updateDataFile(theirs, format, { ...parseDataFile(theirs, format), [a]: `${String(data[a])} (mine)` }),
      );
      expect(parseDataFile(merged.text ?? '', format)).toEqual({
        ...data,
        [a]: `${String(data[a])} (mine)`,
        [b]: `${String(data[b])} (theirs)`,
      });
    },
  );
});
