/**
 * The baseline page of `npm run bench -- open`: stock Lexical (same version), RichTextPlugin only,
 * building a post's Markdown with stock @lexical/markdown when "Open post" is clicked (again: a
 * fresh editor for the Markdown then in `window.__post`). The benchmark puts the Markdown in
 * `window.__post` first, then times the click to the first typed character, as it does in the app.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { $convertFromMarkdownString, TRANSFORMERS } from '@lexical/markdown';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';

declare global {
  interface Window {
    __post?: string;
  }
}

function StockEditor({ markdown }: { markdown: string }) {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'stock-open',
        nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, CodeNode, CodeHighlightNode, LinkNode],
        onError: (error) => console.error(error),
        editorState: () => $convertFromMarkdownString(markdown, TRANSFORMERS),
      }}
    >
      <RichTextPlugin
        contentEditable={<ContentEditable aria-label="Post body" style={{ maxWidth: 720, margin: '0 auto' }} />}
        ErrorBoundary={LexicalErrorBoundary}
      />
    </LexicalComposer>
  );
}

function StockOpen() {
  // Each click opens `window.__post` in a fresh editor, as the app mounts one per opened post.
  const [open, setOpen] = useState<{ markdown: string; count: number } | null>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen({ markdown: window.__post ?? '', count: (open?.count ?? 0) + 1 })}>
        Open post
      </button>
      {open !== null && <StockEditor key={open.count} markdown={open.markdown} />}
    </>
  );
}

createRoot(document.getElementById('root')!).render(<StockOpen />);
