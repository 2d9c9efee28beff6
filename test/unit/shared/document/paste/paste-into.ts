/** Test helper: pastes converted Markdown into a post, headless, and returns the saved file body. */
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { $importMarkdown, createDocumentEditor, saveDocument } from '../../../../../shared/document';
import { $insertPastedMarkdown } from '../../../../../shared/document/paste';

/**
 * Opens `body` as a post, puts the caret before the first occurrence of `caret` (or at the end of
 * the document when it is undefined), pastes `markdown` there and saves.
 */
export function pasteInto(body: string, markdown: string, caret?: string): string {
  const editor = createDocumentEditor();
  editor.update(() => $importMarkdown(body), { discrete: true });
  editor.update(
    () => {
      if (caret === undefined) {
        const last = $getRoot().getLastDescendant();
        if ($isTextNode(last)) last.select(last.getTextContentSize(), last.getTextContentSize());
        else if ($isElementNode(last)) last.selectEnd();
        else $getRoot().selectEnd();
        return;
      }
      const text = $getRoot()
        .getAllTextNodes()
        .find((node) => node.getTextContent().includes(caret));
      if (!text) throw new Error(`no text "${caret}" in the post`);
      const offset = text.getTextContent().indexOf(caret);
      text.select(offset, offset);
    },
    { discrete: true },
  );
  let inserted = false;
  editor.update(
    () => {
      inserted = $insertPastedMarkdown(markdown);
    },
    { discrete: true },
  );
  if (!inserted) throw new Error('paste was refused');
  return saveDocument(editor);
}
