/**
 * The stock Lexical features the page uses: history, lists, check lists, links, and Markdown
 * typing shortcuts. The shortcuts only shape what the writer types; saving always goes through
 * the shared Markdown bridge.
 */
import { useState } from 'react';
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { HIGHLIGHT, TRANSFORMERS, type Transformer } from '@lexical/markdown';
import { normalizeLinkUrl } from './LinkEditorPlugin';

// Only shortcuts whose nodes the document registers, and none for formats Markdown cannot store.
function usableTransformers(hasNodes: (transformer: Transformer) => boolean): Transformer[] {
  return TRANSFORMERS.filter((transformer) => transformer !== HIGHLIGHT && hasNodes(transformer));
}

const isLinkable = (url: string): boolean => normalizeLinkUrl(url) === url && /^(https?:|mailto:)/i.test(url);

/** Mounts history, lists, links and Markdown shortcuts. */
export function FeaturesPlugin() {
  const [editor] = useLexicalComposerContext();
  const [transformers] = useState(() =>
    usableTransformers((transformer) => !('dependencies' in transformer) || editor.hasNodes(transformer.dependencies)),
  );
  return (
    <>
      <HistoryPlugin />
      <ListPlugin />
      <CheckListPlugin />
      <LinkPlugin validateUrl={isLinkable} />
      <MarkdownShortcutPlugin transformers={transformers} />
    </>
  );
}
