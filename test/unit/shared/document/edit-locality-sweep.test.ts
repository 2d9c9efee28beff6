/**
 * Edit locality over every fixture post (test/fixtures/posts, blog and sites/*\/content): in each
 * kind of block the post has — a paragraph, a hard-wrapped paragraph, a heading, a list item, a
 * quote, a table cell, a shortcode body — one word is changed headless, and exactly one line of
 * the body may differ on save: the one holding the new word.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { $isListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isTableNode } from '@lexical/table';
import {
  $getRoot,
  $getState,
  $isElementNode,
  $isParagraphNode,
  $isTextNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
// `.mdx` bodies parse synchronously, as in the back end (the renderer loads the syntax on demand).
import '../../../../shared/document/constructs/mdx/syntax';
import { parsePostFile } from '../../../../shared/content/post-file';
import {
  $isRawBlockNode,
  $isRawTextNode,
  loadDocument,
  roundtripMarkdown,
  saveDocument,
  type ParseOptions,
} from '../../../../shared/document';
import { blockSourceState } from '../../../../shared/document/state';
import { changedLines, edit } from './helpers';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const NEW_WORD = 'Zephyrine';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.mdx?$/.test(name) ? [path] : [];
  });
}

const files = [
  ...walk(join(FIXTURES, 'posts')),
  ...walk(join(FIXTURES, 'blog')),
  ...readdirSync(join(FIXTURES, 'sites')).flatMap((site) => {
    const content = join(FIXTURES, 'sites', site, 'content');
    return statSync(content, { throwIfNoEntry: false })?.isDirectory() ? walk(content) : [];
  }),
].filter((path) => !/README\.md$/.test(path));

type Kind =
  'paragraph' | 'hard-wrapped paragraph' | 'heading' | 'list item' | 'quote' | 'table cell' | 'shortcode body';

/** The top-level blocks of each kind, in document order. */
const KINDS: Record<Kind, (block: LexicalNode) => boolean> = {
  paragraph: (block) => $isParagraphNode(block) && !($getState(block, blockSourceState)?.source ?? '').includes('\n'),
  'hard-wrapped paragraph': (block) =>
    $isParagraphNode(block) && ($getState(block, blockSourceState)?.source ?? '').includes('\n'),
  heading: $isHeadingNode,
  'list item': $isListNode,
  quote: $isQuoteNode,
  'table cell': $isTableNode,
  'shortcode body': (block) =>
    $isRawBlockNode(block) && block.getKind() === 'template' && block.getTextContent().includes('\n'),
};

function $texts(node: LexicalNode, raw: boolean): TextNode[] {
  if ($isTextNode(node)) return !raw && $isRawTextNode(node) ? [] : [node];
  return $isElementNode(node) ? node.getChildren().flatMap((child) => $texts(child, raw)) : [];
}

const EVERY_TEXT: ReadonlySet<Kind> = new Set(['list item', 'table cell', 'quote']);

const WORD = /(?<![\p{L}\p{N}_'’-])[A-Za-z]{4,}(?![\p{L}\p{N}_'’-])/u;

/** Changes the last suitable word of the `nth` block of the kind that has one; false past the last. */
function $changeWord(kind: Kind, nth: number): boolean {
  const texts = $getRoot()
    .getChildren()
    .filter(KINDS[kind])
    .flatMap((block) => {
      const words = $texts(block, kind === 'shortcode body').filter((node) => WORD.test(node.getTextContent()));
      // Every item and cell; in a paragraph the last text with a word (in a hard-wrapped one, a later line).
      return EVERY_TEXT.has(kind) ? words : words.slice(-1);
    });
  const text = texts[nth];
  if (!text) return false;
  text.setTextContent(text.getTextContent().replace(WORD, NEW_WORD));
  return true;
}

const edits: Record<Kind, number> = {
  paragraph: 0,
  'hard-wrapped paragraph': 0,
  heading: 0,
  'list item': 0,
  quote: 0,
  'table cell': 0,
  'shortcode body': 0,
};

describe.each(files.map((path) => [relative(FIXTURES, path), path]))('%s', (_name, path) => {
  const body = parsePostFile(readFileSync(path, 'utf8')).body;
  const options: ParseOptions = path.endsWith('.mdx') ? { mdx: true } : {};

  it('round-trips byte for byte', () => {
    expect(roundtripMarkdown(body, options)).toBe(body);
  });

  it.each(Object.keys(KINDS) as Kind[])('changing one word in any %s changes exactly one line', (kind) => {
    const failures: string[] = [];
    for (let nth = 0; ; nth += 1) {
      const editor = loadDocument(body, options);
      let changed = false;
      edit(editor, () => {
        changed = $changeWord(kind, nth);
      });
      if (!changed) break;
      edits[kind] += 1;
      const lines = changedLines(body, saveDocument(editor));
      if (lines.length !== 1 || !(lines[0]?.[2] ?? '').includes(NEW_WORD)) {
        failures.push(`#${nth}: ${lines.map(([line, before, after]) => `${line}: ${before} → ${after}`).join(' | ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the sweep', () => {
  // Runs after the files above (a file's tests run in order): every kind was really edited.
  it('edited blocks of every kind', () => {
    expect(files.length).toBeGreaterThan(30);
    for (const count of Object.values(edits)) expect(count).toBeGreaterThan(0);
    console.info(`edit-locality sweep: ${files.length} posts, edits by kind ${JSON.stringify(edits)}`);
  });
});
