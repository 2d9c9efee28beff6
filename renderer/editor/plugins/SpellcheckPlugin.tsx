/**
 * Spell checking in the editor: the browser's own checker (web mode) or Chromium's (desktop, with
 * its right-click suggestions) underlines prose only. Code blocks and links whose text is an address
 * are marked spellcheck="false" here, since their nodes come from Lexical's packages; Lexical marks
 * inline code itself, and raw source, MDX and shortcodes mark themselves in their own createDOM.
 */
import { CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, type Klass, type LexicalEditor, type LexicalNode } from 'lexical';
import { useEffect } from 'react';

/** Keeps the spellchecker off code and addresses in the post body. */
export function SpellcheckPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerSpellcheckExclusions(editor), [editor]);
  return null;
}

/** True for text that is an address rather than words: a URL, `www.…`, `mailto:` or an e-mail address. */
export function looksLikeAddress(text: string): boolean {
  const trimmed = text.trim();
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S+$/i.test(trimmed) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed);
}

/**
 * Sets spellcheck="false" on the elements of code blocks and addresses as they are created or change
 * (and takes it off a link whose text stops being one); returns the function that stops watching.
 */
export function registerSpellcheckExclusions(editor: LexicalEditor): () => void {
  const watch = <T extends LexicalNode>(klass: Klass<T>, excluded: (node: T) => boolean): (() => void) =>
    editor.registerMutationListener(
      klass,
      (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue;
            const node = $getNodeByKey<T>(key);
            const element = editor.getElementByKey(key);
            if (node === null || element === null) continue;
            if (excluded(node)) element.setAttribute('spellcheck', 'false');
            else if (element.getAttribute('spellcheck') === 'false') element.removeAttribute('spellcheck');
          }
        });
      },
      // Also for the nodes already there when the post opens.
      { skipInitialization: false },
    );
  return mergeRegister(
    watch(CodeNode, () => true),
    watch(AutoLinkNode, () => true),
    watch(LinkNode, (node) => looksLikeAddress(node.getTextContent())),
  );
}
