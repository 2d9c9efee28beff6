/**
 * Restore: a chosen version becomes the editor's content as an ordinary, unsaved edit — the body
 * replaced in the live editor (one undoable step), the front matter replaced in the form. Nothing
 * is written: the writer saves, keeps editing, or undoes, as after any other edit.
 */
import type { LexicalEditor } from 'lexical';
import type { PostVersionContent } from '../../shared/api';
import { $importMarkdown, isMdxPath } from '../../shared/document';
import type { WorkspaceController } from '../app/workspace-controller';
import { finishLoading } from '../editor/loading-gate';
import type { OpenPost } from '../app/workspace-state';

/** Brings `version` into the open post as an unsaved edit. */
export function restoreVersion(
  editor: LexicalEditor | null,
  controller: WorkspaceController,
  post: OpenPost,
  version: PostVersionContent,
): void {
  // The import records each block's source, so blocks left as restored are saved byte for byte.
  // Not tagged as a history merge: the change tracker counts it as the writer's edit.
  if (post.doc.kind === 'post' && editor) {
    // A long post still arriving would otherwise add the rest of the old text after the version.
    finishLoading(editor);
    editor.update(() => $importMarkdown(version.body, { mdx: isMdxPath(post.doc.path) }));
  }
  controller.editFrontMatter(version.frontMatter);
}
