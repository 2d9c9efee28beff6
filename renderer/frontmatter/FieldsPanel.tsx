/** The inspector's Fields tab: the open post's front-matter form, validated as the writer types. */
import { useMemo, useState } from 'react';
import type { FrontMatterData } from '../../shared/api';
import { invoke, mediaUrl } from '../api';
import { entryFields, entryIssues } from '../app/entry-schema';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import type { FormServices } from './form-services';
import { FrontMatterForm } from './FrontMatterForm';

/** Shows the form for the open post, or a hint when none is open. */
export function FieldsPanel() {
  const controller = useController();
  const post = useWorkspace((state) => state.post);
  if (!post) return <p className="inspector__empty">Open a post to edit its fields.</p>;
  return <PostFields key={post.session} postPath={post.doc.path} folder={post.doc.collection} value={post.frontMatter} onChange={controller.editFrontMatter} />;
}

function PostFields({ postPath, folder, value, onChange }: { postPath: string; folder: string; value: FrontMatterData; onChange: (next: FrontMatterData) => void }) {
  const model = useWorkspace((state) => state.model);
  // The collection's fields plus any key only this post has. Computed from the front matter as it
  // was opened (and again when the model arrives), never per keystroke: re-inferring while typing
  // would swap an input for a textarea mid-word.
  const [opened] = useState(value);
  const fields = useMemo(() => entryFields(model, folder, opened), [model, folder, opened]);
  const issues = useMemo(() => entryIssues(fields, value), [fields, value]);
  const services = useMemo<FormServices>(
    () => ({
      relationOptions: (field, query) =>
        invoke('relation:options', {
          collection: field.collection,
          ...(field.file === undefined ? {} : { file: field.file }),
          valueField: field.valueField,
          searchFields: field.searchFields,
          displayFields: field.displayFields,
          query,
        }),
      mediaUrl: (src) => mediaUrl(postPath, src),
    }),
    [postPath],
  );
  return <FrontMatterForm fields={fields} value={value} onChange={onChange} issues={issues} services={services} />;
}
