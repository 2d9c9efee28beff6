/** The inspector's Fields tab: the open post's front-matter form, validated as the writer types. */
import { useMemo, useState } from 'react';
import type { FrontMatterData } from '../../shared/api';
import { validateEntry } from '../../shared/content/schema/validate';
import { mediaUrl } from '../api';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import { fieldsFromData } from './fields-from-data';
import type { FormServices } from './form-services';
import { FrontMatterForm } from './FrontMatterForm';

/** Shows the form for the open post, or a hint when none is open. */
export function FieldsPanel() {
  const controller = useController();
  const post = useWorkspace((state) => state.post);
  if (!post) return <p className="inspector__empty">Open a post to edit its fields.</p>;
  return <PostFields key={post.session} postPath={post.doc.path} value={post.frontMatter} onChange={controller.editFrontMatter} />;
}

function PostFields({ postPath, value, onChange }: { postPath: string; value: FrontMatterData; onChange: (next: FrontMatterData) => void }) {
  // Inferred once per post: re-inferring while typing would swap an input for a textarea mid-word.
  const [fields] = useState(() => fieldsFromData(value));
  const issues = useMemo(() => validateEntry(fields, value), [fields, value]);
  const services = useMemo<FormServices>(() => ({ relationOptions: () => Promise.resolve([]), mediaUrl: (src) => mediaUrl(postPath, src) }), [postPath]);
  return <FrontMatterForm fields={fields} value={value} onChange={onChange} issues={issues} services={services} />;
}
