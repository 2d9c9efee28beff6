/**
 * Paste: HTML from browsers, Google Docs, Word and Notion, and plain text (Markdown or prose), all
 * converted to Markdown and inserted through the document's own importer, so the saved file is
 * what a writer would have typed. Ctrl+Shift+V (Cmd+Shift+V) pastes plain text, paragraphs only.
 * A clipboard holding only image files is left to the image plugin.
 *
 * The converters (DOMPurify, the HTML → Markdown stack) are a chunk of their own, fetched in idle
 * time once the editor is up. A paste that comes before them is kept and inserted when they arrive.
 */
import { useEffect } from 'react';
import { $isCodeNode } from '@lexical/code';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  type RangeSelection,
} from 'lexical';
import type { textToPastedMarkdown } from '../../../shared/document/paste';
import { $insertPastedMarkdown } from '../../../shared/document/paste/blocks';
import { whenIdle } from '../../app/idle';
import type * as Clipboard from './clipboard';
import { holdsPastable, snapshotClipboard, type ClipboardSnapshot } from './clipboard-content';

// The paste event does not say which keys caused it; a plain-paste chord counts for the paste
// that follows it within this time.
const PLAIN_CHORD_MS = 1000;

// An idle moment comes within this after the editor mounts, or the converters load anyway.
const PRELOAD_TIMEOUT_MS = 3000;

/** The converters: clipboard.ts, and the plain-text fallback. */
type Converters = typeof Clipboard & { textToPastedMarkdown: typeof textToPastedMarkdown };

let converters: Converters | null = null;
let loading: Promise<Converters> | null = null;

/** Loads the paste converters once (again after a failed attempt). */
export function loadPasteConverters(): Promise<Converters> {
  loading ??= Promise.all([import('./clipboard'), import('../../../shared/document/paste')]).then(
    ([clipboard, paste]) => (converters = { ...clipboard, textToPastedMarkdown: paste.textToPastedMarkdown }),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** True once the converters have loaded (a paste then converts at once). */
export function pasteConvertersLoaded(): boolean {
  return converters !== null;
}

// Converts and inserts one paste at `selection`, as a paste always has.
function $paste(convert: Converters, selection: RangeSelection, clipboard: ClipboardSnapshot, plain: boolean): boolean {
  const content = convert.readClipboard(clipboard, plain);
  if (!content) return false;
  if ($findMatchingParent(selection.anchor.getNode(), $isCodeNode)) {
    // Inside a code block the characters are the content: nothing is interpreted.
    selection.insertRawText(
      content.kind === 'html' && content.text === '' ? convert.htmlText(content.html) : content.text,
    );
    return true;
  }
  let markdown: string;
  try {
    markdown = convert.pastedMarkdown(content, plain);
  } catch (error) {
    // A converter bug must not lose the paste: fall back to the text as paragraphs.
    console.error('Masthead paste conversion failed:', error);
    markdown = convert.textToPastedMarkdown(content.text, { plain: true });
  }
  return $insertPastedMarkdown(markdown);
}

/** Converts and inserts pasted HTML and text. */
export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    whenIdle(() => void loadPasteConverters().catch(() => undefined), PRELOAD_TIMEOUT_MS);
  }, []);
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
          const clipboard = snapshotClipboard(data);
          if (!holdsPastable(clipboard)) return false;
          event.preventDefault();
          if (converters) return $paste(converters, selection, clipboard, plain);
          // The converters are still loading (a paste in the editor's first moments): the clipboard
          // is copied, and goes in at the caret as soon as they arrive.
          loadPasteConverters().then(
            (loaded) =>
              editor.update(() => {
                const now = $getSelection();
                if ($isRangeSelection(now)) $paste(loaded, now, clipboard, plain);
              }),
            (error: unknown) => {
              // Without the converters (a chunk that could not load), the text still goes in as typed.
              console.error('Masthead could not load the paste converters:', error);
              editor.update(() => {
                const now = $getSelection();
                if ($isRangeSelection(now)) now.insertRawText(clipboard.getData('text/plain'));
              });
            },
          );
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return null;
}
