/**
 * Refuses inline formats Markdown cannot store (underline, highlight, sub/superscript…). Lexical
 * binds Ctrl/Cmd+U to underline by default; without this the writer would see formatting that
 * silently vanishes on save.
 */
import { useEffect } from 'react';
import { COMMAND_PRIORITY_CRITICAL, FORMAT_TEXT_COMMAND, type TextFormatType } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

const STORABLE: ReadonlySet<TextFormatType> = new Set<TextFormatType>(['bold', 'italic', 'code', 'strikethrough']);

/** Swallows format commands for formats Markdown has no syntax for. */
export function MarkdownFormatsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () => editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => !STORABLE.has(format), COMMAND_PRIORITY_CRITICAL),
    [editor],
  );
  return null;
}
