/**
 * Markdown as the writer types it, where Lexical's own shortcuts fall short: inline formats
 * Markdown cannot store (underline, highlight, sub/superscript…) are refused — Lexical binds
 * Ctrl/Cmd+U to underline by default, and the writer would see formatting that silently vanishes
 * on save; `![alt](url)` becomes an image as its closing parenthesis is typed; and a line like
 * `| Name | Role |` followed by Enter becomes a table with those headers (their Markdown read).
 */
import { useEffect } from 'react';
import { $isCodeNode } from '@lexical/code';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  FORMAT_TEXT_COMMAND,
  $isTextNode,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isTableCellNode, $isTableNode, $isTableRowNode } from '@lexical/table';
import { $createImageNode, $isRawBlockNode } from '../../../shared/document';
import { $serializeBlock } from '../../../shared/document/convert/export-context';
import { $pastedBlocks } from '../../../shared/document/paste';
import { $getDocumentInfo } from '../../../shared/document/state';
import { $paragraphAfter } from '../insert/insert-blocks';
import { headerCells } from '../tables/table-align';
import { $insertTable } from '../tables/table-actions';

const STORABLE: ReadonlySet<TextFormatType> = new Set<TextFormatType>(['bold', 'italic', 'code', 'strikethrough']);

/** `![alt](src)` or `![alt](src "title")` right before the caret. */
const TYPED_IMAGE = /!\[([^\]\n]*)\]\(([^()\s]+)(?:\s+"([^"\n]*)")?\)$/;

/** The image typed just before the caret, or null when the text before it is not one. */
export function typedImage(before: string): { start: number; alt: string; src: string; title: string | null } | null {
  const match = TYPED_IMAGE.exec(before);
  if (!match) return null;
  const src = match[2] as string;
  // Script addresses never become an image (the link editor refuses them too).
  if (/^(javascript|vbscript|data):/i.test(src)) return null;
  return { start: match.index, alt: match[1] ?? '', src, title: match[3] ?? null };
}

/**
 * Turns `![alt](src` into an image as its closing ")" is typed. Done on the key itself, before
 * the ")" reaches the text: Lexical's link shortcut would otherwise take the `[alt](src)` inside
 * it for a link; and only typing triggers it, never text that was already in the post.
 */
function $imageShortcut(event: KeyboardEvent): boolean {
  if (event.key !== ')' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node) || node.hasFormat('code') || !node.isSimpleText()) return false;
  if ($isCodeNode(node.getParent()) || $isRawBlockNode(node.getParent())) return false;
  const offset = selection.anchor.offset;
  const image = typedImage(`${node.getTextContent().slice(0, offset)})`);
  if (!image) return false;
  event.preventDefault();
  const parts = node.splitText(image.start, offset);
  const typed = image.start === 0 ? parts[0] : parts[1];
  if (!typed) return false;
  const imageNode = $createImageNode({ src: image.src, alt: image.alt, title: image.title });
  typed.replace(imageNode);
  imageNode.selectNext(0, 0);
  return true;
}

/** Enter after `| a | b |` alone in a paragraph: the paragraph becomes a table with those headers. */
function $tableShortcut(event: KeyboardEvent | null): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || event?.shiftKey) return false;
  const paragraph = selection.anchor.getNode().getTopLevelElement();
  if (!$isParagraphNode(paragraph) || !$isRootNode(paragraph.getParent())) return false;
  const text = paragraph.getTextContent();
  if (!text.trimStart().startsWith('|')) return false;
  const cells = headerCells(text);
  const end = paragraph.getLastDescendant();
  const atEnd =
    end !== null && selection.anchor.key === end.getKey() && selection.anchor.offset === end.getTextContentSize();
  if (!cells || !atEnd) return false;
  event?.preventDefault();
  // Read as the GFM table it starts, by the same importer as the file (so `**Role**` in a header
  // is bold, not literal stars); the typed line is kept as the header row's text.
  // The line as Markdown (bold typed with ** is already bold by now); the serializer escapes a
  // leading pipe so the paragraph cannot read as a table, which is exactly what is wanted here.
  const typed = $serializeBlock(paragraph, $getDocumentInfo($getRoot()).style).replace(/^\\\|/, '|');
  const line = headerCells(typed)?.length === cells.length ? typed : text.trim();
  const row = (fill: string): string => `|${cells.map(() => fill).join('|')}|`;
  const [table] = $pastedBlocks(`${line}\n${row(' --- ')}\n${row('  ')}\n`);
  if ($isTableNode(table) && table.getChildrenSize() === 2) {
    paragraph.replace(table);
    $paragraphAfter(table);
    const body = table.getLastChild();
    const cell = $isTableRowNode(body) ? body.getFirstChild() : null;
    if ($isTableCellNode(cell)) cell.selectStart();
    return true;
  }
  paragraph.clear();
  paragraph.select();
  $insertTable(2, cells.length, cells);
  return true;
}

/** Registers the format filter and the image and table typing shortcuts. */
export function MarkdownFormatsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => !STORABLE.has(format), COMMAND_PRIORITY_CRITICAL),
        editor.registerCommand(KEY_DOWN_COMMAND, $imageShortcut, COMMAND_PRIORITY_HIGH),
        editor.registerCommand(KEY_ENTER_COMMAND, $tableShortcut, COMMAND_PRIORITY_HIGH),
      ),
    [editor],
  );
  return null;
}
