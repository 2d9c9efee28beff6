/**
 * The page for one post: toolbar and Save above, the large title, then the Lexical editor for the
 * body. Mounted fresh for every opened post; the body is loaded through the shared Markdown bridge
 * and exported through it again on save.
 */
import { useCallback, useState } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { PostDocument } from '../../shared/api';
import { documentNodes } from '../../shared/document';
import { useController, useDispatch, useEditorRef } from '../app/WorkspaceContext';
import { ImagePlugin } from './images/ImagePlugin';
import { CodeLanguagePlugin } from './insert/CodeLanguagePlugin';
import { SlashMenuPlugin } from './insert/SlashMenuPlugin';
import { PageNotices } from './PageNotices';
import { PastePlugin } from './paste/PastePlugin';
import { ChangeTrackingPlugin } from './plugins/ChangeTrackingPlugin';
import { EditorHandlePlugin } from './plugins/EditorHandlePlugin';
import { FeaturesPlugin } from './plugins/FeaturesPlugin';
import { KeyboardShortcutsPlugin } from './plugins/KeyboardShortcutsPlugin';
import { LoadBodyPlugin } from './plugins/LoadBodyPlugin';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { MarkdownFormatsPlugin } from './plugins/MarkdownFormatsPlugin';
import { TablePlugin } from './plugins/TablePlugin';
import { TabIndentPlugin } from './plugins/TabIndentPlugin';
import { DocumentEdgeKeysPlugin } from './plugins/DocumentEdgeKeysPlugin';
import { CaretSyncPlugin } from './plugins/CaretSyncPlugin';
import { SpellcheckPlugin } from './plugins/SpellcheckPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { WriterToolsPlugins } from './plugins/WriterToolsPlugins';
import { SaveButton } from './SaveButton';
import { editorTheme } from './theme';
import { TitleInput } from './TitleInput';

/** Edits one opened post. */
export function PostEditor({ doc }: { doc: PostDocument }) {
  const controller = useController();
  const dispatch = useDispatch();
  const editorRef = useEditorRef();
  // Read once: LexicalComposer ignores later changes to its config anyway.
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'masthead',
    nodes: documentNodes,
    theme: editorTheme,
    onError: (error) => {
      // Lexical recovers from most errors by rolling back the update; keep a trace for bug reports.
      console.error('Masthead editor error:', error);
    },
    // Filled by LoadBodyPlugin once the plugins are registered.
    editorState: null,
  }));
  const onWords = useCallback((words: number) => dispatch({ type: 'words', words }), [dispatch]);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="page">
        <div className="page__bar">
          <ToolbarPlugin />
          <SaveButton />
        </div>
        <div className="page__scroll">
          <article className="page__sheet">
            <PageNotices />
            <TitleInput />
            <div className="editor">
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    className="editor__content"
                    // The browser's spellchecker in web mode, Chromium's on desktop; code and URLs opt out (SpellcheckPlugin).
                    spellCheck
                    aria-label="Post body"
                    aria-placeholder="Start writing…"
                    placeholder={<div className="editor__placeholder">Start writing…</div>}
                  />
                }
                ErrorBoundary={LexicalErrorBoundary}
              />
            </div>
          </article>
        </div>
      </div>
      <FeaturesPlugin />
      <TablePlugin />
      <SlashMenuPlugin />
      <CodeLanguagePlugin />
      <TabIndentPlugin />
      <DocumentEdgeKeysPlugin />
      <CaretSyncPlugin />
      <MarkdownFormatsPlugin />
      <KeyboardShortcutsPlugin />
      <LinkEditorPlugin />
      <ImagePlugin />
      <PastePlugin />
      <EditorHandlePlugin editorRef={editorRef} />
      <ChangeTrackingPlugin onEdit={controller.editBody} onWords={onWords} />
      <SpellcheckPlugin />
      <WriterToolsPlugins />
      {/* Last, so the body arrives after every plugin registered (see the plugin). `.mdx` posts are
          read as MDX: JSX, imports and {expressions} are kept as source blocks. */}
      <LoadBodyPlugin body={doc.body} path={doc.path} />
    </LexicalComposer>
  );
}
