/** The inspector's Fields tab: the open post's front-matter form. */
import { useController, useWorkspace } from '../app/WorkspaceContext';
import { FrontMatterForm } from './FrontMatterForm';

/** Shows the form for the open post, or a hint when none is open. */
export function FieldsPanel() {
  const controller = useController();
  const post = useWorkspace((state) => state.post);
  if (!post) return <p className="inspector__empty">Open a post to edit its fields.</p>;
  return <FrontMatterForm key={post.session} value={post.frontMatter} onChange={controller.editFrontMatter} />;
}
