/**
 * The baseline page of `npm run bench -- bundle`: stock Lexical (same version) with React, a rich
 * text editor and undo history, nothing of Masthead's. What a page needs at least to edit text.
 */
import { createRoot } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';

function StockEditor() {
  return (
    <LexicalComposer
      initialConfig={{ namespace: 'stock', nodes: [HeadingNode, QuoteNode], onError: (error) => console.error(error) }}
    >
      <RichTextPlugin contentEditable={<ContentEditable aria-label="Body" />} ErrorBoundary={LexicalErrorBoundary} />
      <HistoryPlugin />
    </LexicalComposer>
  );
}

createRoot(document.getElementById('root')!).render(<StockEditor />);
