// A paragraph of plain prose is written without mdast-util-to-markdown. Wherever the shortcut
// answers, its answer must be exactly what to-markdown writes for the paragraph, in both the
// 'preserve' and the 'full' mode, in Markdown and MDX: checked on generated text dense with every
// ASCII punctuation character, and on every paragraph of the fixture posts and sites, edited or not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $exportMarkdown, $getDocumentInfo, createDocumentEditor, loadDocument } from '../../../../../shared/document';
import { loadMdxSyntax } from '../../../../../shared/document/constructs/mdx/load';
import { $serializeBlock } from '../../../../../shared/document/convert/export-context';
import { $plainProse, readsAsItself } from '../../../../../shared/document/convert/plain-prose';
import { DEFAULT_STYLE, type DocStyle } from '../../../../../shared/document/markdown/style';
import { seededRandom } from '../../../../support/random';

const STYLES: DocStyle[] = [DEFAULT_STYLE, { ...DEFAULT_STYLE, mdx: true }];

/** What to-markdown writes for `node` in each mode ('preserve', 'full') and style (Markdown, MDX). */
function $toMarkdownEverywhere(node: LexicalNode): string[] {
  return STYLES.flatMap((style) => [$serializeBlock(node, style, 'preserve'), $serializeBlock(node, style, 'full')]);
}

const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyzWws',
  ...'0123456789',
  ...'      ',
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ...['é', 'ß', 'Ж', '中', '\u0301', '’', '‘', '“', '”', '—', '–', '…', '\u00a0', '\t', '😀', '²'],
];

describe('plain prose written without to-markdown', () => {
  beforeAll(() => loadMdxSyntax());

  it('writes generated text exactly as to-markdown does wherever it answers', () => {
    const next = seededRandom(42);
    const texts = Array.from({ length: 12_000 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 14) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(
        '',
      ),
    );
    const editor = createDocumentEditor();
    editor.update(
      () => {
        for (const text of texts) $getRoot().append($createParagraphNode().append($createTextNode(text)));
      },
      { discrete: true },
    );
    let answered = 0;
    editor.read(() => {
      for (const paragraph of $getRoot().getChildren()) {
        const plain = $plainProse(paragraph);
        if (plain === null) continue;
        answered += 1;
        for (const written of $toMarkdownEverywhere(paragraph)) expect(written).toBe(plain);
      }
    });
    // Enough accepted texts for the comparison to mean something, and plenty refused.
    expect(answered).toBeGreaterThan(1_500);
    expect(answered).toBeLessThan(texts.length / 2);
  });

  it('writes every paragraph of the fixture posts and sites as to-markdown does, before and after an edit', () => {
    let answered = 0;
    for (const file of fixtureDocuments()) {
      const editor = loadDocument(readFileSync(file, 'utf8'), { frontMatter: true, mdx: file.endsWith('.mdx') });
      answered += checkParagraphs(editor, file);
      // Typing at the end of each paragraph splices new text into its recorded source.
      editor.update(
        () => {
          for (const block of $getRoot().getChildren()) {
            const last = $isElementNode(block) ? block.getLastChild() : null;
            if ($isTextNode(last) && last.getType() === 'text')
              last.setTextContent(`${last.getTextContent()} and more`);
          }
        },
        { discrete: true },
      );
      answered += checkParagraphs(editor, file);
    }
    expect(answered).toBeGreaterThan(50);
  });

  it('keeps the bytes of an untouched post, and writes a typed sentence as typed', () => {
    const source = 'First words, plain.\n\nSecond paragraph; with “quotes” — and a dash.\n';
    const editor = loadDocument(source);
    expect(editor.read(() => $exportMarkdown())).toBe(source);
    editor.update(
      () => {
        const second = $getRoot().getChildren()[1];
        if ($isElementNode(second)) second.append($createTextNode(' Then more: typed.'));
      },
      { discrete: true },
    );
    expect(editor.read(() => $exportMarkdown())).toBe(
      'First words, plain.\n\nSecond paragraph; with “quotes” — and a dash. Then more: typed.\n',
    );
  });

  it('leaves to to-markdown anything it would write differently, or whose source differs from its text', () => {
    for (const text of [
      '- a list',
      '1. a list',
      '12) a list',
      '7)no space',
      ':- a table row',
      ' leading space',
      'trailing space ',
      'see www.example.com',
      'https://example.com',
      'a*b',
      'snake_case',
      'a & b',
      'tab\there',
      'no\u00a0break',
    ])
      expect(readsAsItself(text), text).toBe(false);
    for (const source of [
      'Fish &amp; chips.',
      'Line one\nline two.',
      'An escaped \\! mark.',
      'Some *emphasis* here.',
    ]) {
      const editor = loadDocument(source);
      expect(
        editor.read(() => $plainProse($getRoot().getFirstChildOrThrow())),
        source,
      ).toBeNull();
    }
  });
});

/** Checks each top-level paragraph the shortcut answers for; returns how many it answered. */
function checkParagraphs(editor: LexicalEditor, file: string): number {
  let answered = 0;
  editor.read(() => {
    const style = $getDocumentInfo($getRoot()).style;
    for (const block of $getRoot().getChildren()) {
      const plain = $plainProse(block);
      if (plain === null) continue;
      answered += 1;
      expect($serializeBlock(block, style, 'preserve'), file).toBe(plain);
      expect($serializeBlock(block, style, 'full'), file).toBe(plain);
    }
  });
  return answered;
}

function fixtureDocuments(): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|mdx|markdown)$/.test(name)) found.push(full);
    }
  };
  walk(path.resolve(__dirname, '../../../../fixtures'));
  return found;
}
