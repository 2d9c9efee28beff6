/**
 * Paste: HTML from browsers, Google Docs, Word and Notion, and plain text (Markdown or prose), all
 * converted to Markdown and inserted through the document's own importer, so the saved file is
 * what a writer would have typed. Ctrl+Shift+V (Cmd+Shift+V) pastes plain text, paragraphs only.
 * A clipboard holding only image files is left to the image plugin.
 */
import { useEffect } from 'react';
import { $isCodeNode } from '@lexical/code';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND, PASTE_COMMAND } from 'lexical';
import { $insertPastedMarkdown, textToPastedMarkdown } from '../../../shared/document/paste';
import { htmlText, pastedMarkdown, readClipboard } from './clipboard';

// The paste event does not say which keys caused it; a plain-paste chord counts for the paste
// that follows it within this time.
const PLAIN_CHORD_MS = 1000;

/** Converts and inserts pasted HTML and text. */
export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let plainUntil = 0;
    return mergeRegister(
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyV')
            plainUntil = Date.now() + PLAIN_CHORD_MS;
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data =
            'clipboardData' in event ? event.clipboardData : 'dataTransfer' in event ? event.dataTransfer : null;
          const plain = Date.now() < plainUntil;
          plainUntil = 0;
          const selection = $getSelection();
          if (!data || !$isRangeSelection(selection)) return false;
          const content = readClipboard(data, plain);
          if (!content) return false;
          event.preventDefault();
          if ($findMatchingParent(selection.anchor.getNode(), $isCodeNode)) {
            // Inside a code block the characters are the content: nothing is interpreted.
            selection.insertRawText(
              content.kind === 'html' && content.text === '' ? htmlText(content.html) : content.text,
            );
            return true;
          }
          let markdown: string;
          try {
            markdown = pastedMarkdown(content, plain);
          } catch (error) {
            // A converter bug must not lose the paste: fall back to the text as paragraphs.
            console.error('Masthead paste conversion failed:', error);
            markdown = textToPastedMarkdown(content.text, { plain: true });
          }
          return $insertPastedMarkdown(markdown);
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return null;
}
