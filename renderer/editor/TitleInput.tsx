/**
 * The post's title, large at the top of the page; bound to front matter `title`. Titles are one
 * line in front matter, so Enter moves on to the body instead of breaking the line.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useController, useWorkspace } from '../app/WorkspaceContext';

/** Edits `title`. */
export function TitleInput() {
  const [editor] = useLexicalComposerContext();
  const controller = useController();
  const frontMatter = useWorkspace((state) => state.post?.frontMatter);
  if (!frontMatter) return null;
  const title = frontMatter['title'];
  return (
    <textarea
      className="page__title"
      aria-label="Title"
      placeholder="Title"
      rows={1}
      value={typeof title === 'string' ? title : title == null ? '' : String(title)}
      onChange={(event) =>
        controller.editFrontMatter({ ...frontMatter, title: event.target.value.replace(/\r?\n/g, ' ') })
      }
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          editor.focus();
        }
      }}
    />
  );
}
