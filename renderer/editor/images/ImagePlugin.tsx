/**
 * Adding pictures to a post: the image picker (OPEN_IMAGE_PICKER_COMMAND, dispatched by the
 * toolbar, the insert menu and the palette), image files dropped on the editor, and images pasted
 * from the clipboard. Each file is copied into the site's media folder by the back end
 * ('media:import'), the image appears at once in its own paragraph, and its description (alt
 * text) field is focused so the writer is asked for it inline. Pastes with text are left to the
 * paste handling; only clipboard data made of image files is taken here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $getRoot,
  $getNodeByKey,
  $getSelection,
  $isParagraphNode,
  $isRootNode,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  PASTE_COMMAND,
  type BaseSelection,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { $createImageNode } from '../../../shared/document';
import { toAppError } from '../../../shared/errors';
import { useController, useOpenPostPath } from '../../app/WorkspaceContext';
import { OPEN_IMAGE_PICKER_COMMAND } from './image-commands';
import { base64Of, imageFiles, isImagePaste, largeImageWarning, nameOf } from './image-files';
import { rememberPreview } from './local-previews';
import { useKnowFile } from './use-know-file';
import './image-plugin.css';

interface Notice {
  tone: 'working' | 'done' | 'warning' | 'error';
  text: string;
}

/** How long the "Added …" line stays: long enough to read where the file went. */
const DONE_NOTICE_MS = 6000;

/** Handles image insertion for the post editor; renders the hidden file input and a small notice. */
export function ImagePlugin() {
  const [editor] = useLexicalComposerContext();
  const postPath = useOpenPostPath();
  const controller = useController();
  const input = useRef<HTMLInputElement>(null);
  // Where the picker was opened: the file dialog takes focus, and the image goes back to that caret.
  const pickerSelection = useRef<BaseSelection | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const knowFile = useKnowFile(postPath);

  const insertFiles = useCallback(
    async (files: File[], at: BaseSelection | null) => {
      if (postPath === null || files.length === 0) return;
      setNotice({ tone: 'working', text: files.length === 1 ? 'Adding the image…' : `Adding ${files.length} images…` });
      const warnings: string[] = [];
      const added: string[] = [];
      let lastKey: NodeKey | null = null;
      let selection = at;
      for (const file of files) {
        try {
          const imported = await controller.importImage({
            post: postPath,
            name: nameOf(file),
            data: await base64Of(file),
          });
          knowFile(imported.path);
          rememberPreview(postPath, imported.src, file);
          lastKey = insertImage(editor, imported.src, selection);
          selection = null;
          added.push(
            imported.reused
              ? `Used ${imported.path}, already in the site.`
              : `Added ${imported.path} (${imported.reason}).`,
          );
          const warning = largeImageWarning(imported.info);
          if (warning !== null) warnings.push(files.length === 1 ? warning : `${file.name}: ${warning}`);
        } catch (error) {
          setNotice({ tone: 'error', text: `Could not add ${file.name || 'the image'}: ${toAppError(error).message}` });
          if (lastKey !== null) focusAltText(editor, lastKey);
          return;
        }
      }
      setNotice(
        warnings.length > 0
          ? { tone: 'warning', text: [...added, ...warnings].join(' ') }
          : { tone: 'done', text: added.join(' ') },
      );
      if (lastKey !== null) focusAltText(editor, lastKey);
    },
    [editor, postPath, knowFile, controller],
  );

  // The "Added …" line goes by itself; warnings and errors wait to be dismissed.
  useEffect(() => {
    if (notice?.tone !== 'done') return;
    const timer = setTimeout(() => setNotice((current) => (current === notice ? null : current)), DONE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_IMAGE_PICKER_COMMAND,
        () => {
          pickerSelection.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
          input.current?.click();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  // Drops (the rich-text plugin has already put the caret at the drop point) and file-only pastes.
  useEffect(
    () =>
      editor.registerCommand(
        DRAG_DROP_PASTE,
        (files) => {
          const images = imageFiles(files);
          if (images.length === 0) {
            // The drop is already taken from the browser: say why nothing was added rather than swallow it.
            const names = files.map((file) => `“${file.name}”`).join(', ');
            setNotice({
              tone: 'error',
              text: `Only images can be added to a post (PNG, JPEG, GIF, WebP, AVIF or SVG); ${names || 'this file'} is not one.`,
            });
            return true;
          }
          void insertFiles(images, null);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, insertFiles],
  );

  // Ahead of every other paste handler, but only for clipboard data made of image files.
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!isImagePaste(data)) return false;
          event.preventDefault();
          void insertFiles(imageFiles(data!.files), null);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor, insertFiles],
  );

  return (
    <>
      <input
        ref={input}
        className="image-picker__input"
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml"
        multiple
        aria-label="Choose images to insert"
        tabIndex={-1}
        onChange={(event) => {
          const files = imageFiles(event.target.files ?? []);
          // Cleared so choosing the same file again still fires a change.
          event.target.value = '';
          void insertFiles(files, pickerSelection.current);
          pickerSelection.current = null;
        }}
      />
      {notice && (
        <div
          className={`image-notice image-notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
          {notice.tone !== 'working' && (
            <button type="button" className="image-notice__close" aria-label="Dismiss" onClick={() => setNotice(null)}>
              ×
            </button>
          )}
        </div>
      )}
    </>
  );
}

/**
 * Inserts the image in a paragraph of its own: into the caret's paragraph when it is empty, else in
 * a new one after the caret's top-level block (a picture in mid-sentence is rarely meant). Returns
 * the image node's key.
 */
function insertImage(editor: LexicalEditor, src: string, at: BaseSelection | null): NodeKey {
  let key: NodeKey = '';
  editor.update(
    () => {
      // The caret from before the file dialog, unless what it pointed into was removed meanwhile.
      if (at !== null && stillThere(at)) $setSelection(at.clone());
      const selection = $getSelection();
      const image = $createImageNode({ src, alt: '', title: null });
      const block = topLevelOf(selection?.getNodes()[0] ?? null);
      if (block !== null && $isParagraphNode(block) && block.getChildrenSize() === 0) {
        block.append(image);
      } else {
        const paragraph = $createParagraphNode().append(image);
        if (block !== null) block.insertAfter(paragraph);
        else $getRoot().append(paragraph);
      }
      image.selectNext();
      key = image.getKey();
    },
    { discrete: true },
  );
  return key;
}

/** True when every node the selection points into still exists (Lexical throws on a stale point). */
function stillThere(selection: BaseSelection): boolean {
  try {
    return selection.getNodes().every((node) => $getNodeByKey(node.getKey()) !== null);
  } catch {
    return false;
  }
}

/** The child of the root holding `node` (itself when it is one), or null. */
function topLevelOf(node: LexicalNode | null): LexicalNode | null {
  let current = node;
  while (current !== null && !$isRootNode(current.getParent())) current = current.getParent();
  return current;
}

/** Focuses the new image's description field once React has drawn it. */
function focusAltText(editor: LexicalEditor, key: NodeKey): void {
  let tries = 0;
  const attempt = () => {
    const field = editor.getElementByKey(key)?.querySelector<HTMLInputElement>('.ed-image__alt-input');
    if (field) {
      // Mid-screen, so the picture and its question are both in view (not cut at the window's edge).
      field.focus({ preventScroll: true });
      field.scrollIntoView({ block: 'center' });
    } else if (tries++ < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
