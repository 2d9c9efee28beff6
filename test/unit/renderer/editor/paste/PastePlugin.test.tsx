// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { act } from 'react';
import { $getRoot, $isTextNode, KEY_DOWN_COMMAND, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { $exportMarkdown, $importMarkdown, documentNodes } from '../../../../../shared/document';
import {
  loadPasteConverters,
  PastePlugin,
  pasteConvertersLoaded,
} from '../../../../../renderer/editor/paste/PastePlugin';
import { FeaturesPlugin } from '../../../../../renderer/editor/plugins/FeaturesPlugin';
import { mount, type Mounted } from '../../dom';

// Lexical's own rich-text paste (reached when ours declines) names DragEvent, which jsdom lacks.
globalThis.DragEvent ??= class extends Event {} as unknown as typeof DragEvent;
globalThis.ClipboardEvent ??= class extends Event {} as unknown as typeof ClipboardEvent;

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

function Capture({ into }: { into: { current: LexicalEditor | null } }) {
  const [editor] = useLexicalComposerContext();
  into.current = editor;
  return null;
}

/** The real paste plugin beside Lexical's Markdown typing shortcuts, on a post whose caret ends it. */
async function editorWith(body: string): Promise<LexicalEditor> {
  const ref: { current: LexicalEditor | null } = { current: null };
  mounted = await mount(
    <LexicalComposer
      initialConfig={{
        namespace: 'test',
        nodes: documentNodes,
        onError: (error) => {
          throw error;
        },
        editorState: () => $importMarkdown(body),
      }}
    >
      <RichTextPlugin
        contentEditable={<ContentEditable aria-label="Post body" />}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <FeaturesPlugin />
      <PastePlugin />
      <Capture into={ref} />
    </LexicalComposer>,
  );
  const editor = ref.current as LexicalEditor | null;
  if (!editor) throw new Error('no editor');
  await act(async () =>
    editor.update(
      () => {
        const last = $getRoot().getLastDescendant();
        if ($isTextNode(last)) last.select(last.getTextContentSize(), last.getTextContentSize());
      },
      { discrete: true },
    ),
  );
  return editor;
}

function clipboardEvent(items: Record<string, string>, files = 0): ClipboardEvent {
  const event = new Event('paste', { cancelable: true }) as ClipboardEvent;
  Object.defineProperty(event, 'clipboardData', {
    value: { types: Object.keys(items), getData: (type: string) => items[type] ?? '', files: { length: files } },
  });
  return event;
}

async function paste(editor: LexicalEditor, items: Record<string, string>, files = 0): Promise<boolean> {
  let handled = false;
  await act(async () => {
    handled = editor.dispatchCommand(PASTE_COMMAND, clipboardEvent(items, files));
  });
  // The converters load on demand; a paste made before they arrive goes in when they do.
  await act(() => loadPasteConverters());
  return handled;
}

const saved = (editor: LexicalEditor): string => editor.read(() => $exportMarkdown());

describe('PastePlugin', () => {
  // First in the file: nothing has loaded the converters yet.
  it('keeps a paste made before the converters have loaded, and inserts it when they arrive', async () => {
    const editor = await editorWith('Club news.\n');
    expect(pasteConvertersLoaded()).toBe(false);
    let handled = false;
    await act(async () => {
      handled = editor.dispatchCommand(
        PASTE_COMMAND,
        clipboardEvent({ 'text/html': '<h2>Rota</h2>', 'text/plain': 'Rota' }),
      );
    });
    expect(handled).toBe(true);
    await act(() => loadPasteConverters());
    expect(saved(editor)).toBe('Club news.\n\n## Rota\n');
  });

  it('pastes HTML as blocks after the paragraph the caret ends', async () => {
    const editor = await editorWith('Club news.\n');
    expect(
      await paste(editor, { 'text/html': '<h2>Rota</h2><ul><li>Ana</li><li>Ben</li></ul>', 'text/plain': 'Rota' }),
    ).toBe(true);
    expect(saved(editor)).toBe('Club news.\n\n## Rota\n\n- Ana\n- Ben\n');
  });

  it('leaves a clipboard holding only image files to the image handler', async () => {
    const editor = await editorWith('Club news.\n');
    await paste(editor, { Files: '' }, 1);
    expect(saved(editor)).toBe('Club news.\n');
  });

  it('pastes plain text after Ctrl+Shift+V, and Markdown typing shortcuts do not reformat it', async () => {
    const editor = await editorWith('Club news.\n');
    await act(async () => {
      editor.dispatchCommand(
        KEY_DOWN_COMMAND,
        new KeyboardEvent('keydown', { key: 'V', code: 'KeyV', ctrlKey: true, shiftKey: true }),
      );
    });
    await paste(editor, {
      'text/html': '<h2>Not a heading</h2><p><b>bold</b></p>',
      'text/plain': '# Not a heading\n\n**bold**',
    });
    // The first paragraph joins the text at the caret, as typing it would.
    expect(saved(editor)).toBe('Club news.\\# Not a heading\n\n\\*\\*bold\\*\\*\n');
    // The chord counts for one paste only.
    await paste(editor, { 'text/plain': 'More *words*' });
    expect(saved(editor)).toBe('Club news.\\# Not a heading\n\n\\*\\*bold\\*\\*More _words_\n');
  });

  it('pastes the visible text of HTML after Ctrl+Shift+V when the clipboard has no plain text', async () => {
    const editor = await editorWith('Club news.\n');
    await act(async () => {
      editor.dispatchCommand(
        KEY_DOWN_COMMAND,
        new KeyboardEvent('keydown', { key: 'V', code: 'KeyV', ctrlKey: true, shiftKey: true }),
      );
    });
    await paste(editor, { 'text/html': '<h2>Rota</h2><ul><li>Ana</li><li>Ben</li></ul>' });
    expect(saved(editor)).toBe('Club news.Rota\n\nAna\n\nBen\n');
  });

  it('pastes the characters themselves inside a code block, interpreting nothing', async () => {
    const editor = await editorWith('```\nls\n```\n');
    await paste(editor, { 'text/html': '<b>-la</b>', 'text/plain': ' -la *.md' });
    expect(saved(editor)).toBe('```\nls -la *.md\n```\n');
    // HTML alone: its visible text, trimmed.
    await paste(editor, { 'text/html': '<p> | wc</p>' });
    expect(saved(editor)).toBe('```\nls -la *.md| wc\n```\n');
  });

  it('changes nothing for an empty clipboard', async () => {
    const editor = await editorWith('Club news.\n');
    await paste(editor, { 'text/plain': '' });
    expect(saved(editor)).toBe('Club news.\n');
  });
});
