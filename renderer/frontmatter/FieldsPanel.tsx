/** The inspector's Fields tab: the open post's front-matter form, validated as the writer types. */
import { useEffect, useMemo, useState } from 'react';
import type { CollectionId, FrontMatterData } from '../../shared/api';
import { mediaUrl } from '../api';
import { entryFields, entryIssues } from '../app/entry-schema';
import { base64Of, largeImageWarning, nameOf } from '../editor/images/image-files';
import { previewFor, rememberPreview } from '../editor/images/local-previews';
import { useKnowFile } from '../editor/images/use-know-file';
import { useController, useDispatch, useWorkspace } from '../app/WorkspaceContext';
import type { FormServices } from './form-services';
import { FrontMatterForm } from './FrontMatterForm';
import { SchemaForm } from './SchemaForm';
import { TranslationsPanel } from './TranslationsPanel';

/** Shows the form for the open post, or a hint when none is open. */
export function FieldsPanel() {
  const controller = useController();
  const post = useWorkspace((state) => state.post);
  if (!post) return <p className="inspector__empty">Open a post to edit its fields.</p>;
  // A data entry is all fields: its form is the page itself, so it is not shown twice.
  if (post.doc.kind === 'data') return <p className="inspector__empty">This data file’s fields are on the page.</p>;
  return (
    <>
      <TranslationsPanel postPath={post.doc.path} collectionId={post.doc.collection} />
      <EntryForm
        key={post.session}
        postPath={post.doc.path}
        collectionId={post.doc.collection}
        value={post.frontMatter}
        onChange={controller.editFrontMatter}
      />
    </>
  );
}

/** What EntryForm edits. `withTitle`: the page has no title input (a data entry), so the form shows `title` too. */
export interface EntryFormProps {
  postPath: string;
  /** The id of the entry's collection. */
  collectionId: CollectionId;
  value: FrontMatterData;
  onChange: (next: FrontMatterData) => void;
  withTitle?: boolean;
}

/** The form of one entry: its collection's fields (a file collection's file: that file's) plus inferred ones, validated. */
export function EntryForm({ postPath, collectionId, value, onChange, withTitle = false }: EntryFormProps) {
  const model = useWorkspace((state) => state.model);
  // The collection's fields plus any key only this post has. Computed from the front matter as it
  // was opened (and again when the model arrives), never per keystroke: re-inferring while typing
  // would swap an input for a textarea mid-word.
  const [opened] = useState(value);
  const fields = useMemo(
    () => entryFields(model, collectionId, opened, postPath),
    [model, collectionId, opened, postPath],
  );
  const issues = useMemo(() => entryIssues(fields, value), [fields, value]);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const dispatch = useDispatch();
  // The status bar counts them; the reducer ignores an unchanged count, so typing costs no commit.
  useEffect(() => {
    dispatch({ type: 'field-errors', count: errors });
  }, [dispatch, errors]);
  useEffect(() => () => dispatch({ type: 'field-errors', count: 0 }), [dispatch]);
  const knowFile = useKnowFile(postPath);
  const controller = useController();
  const services = useMemo<FormServices>(
    () => ({
      relationOptions: (field, query) =>
        controller.relationOptions({
          collection: field.collection,
          ...(field.file === undefined ? {} : { file: field.file }),
          valueField: field.valueField,
          searchFields: field.searchFields,
          displayFields: field.displayFields,
          query,
        }),
      mediaUrl: (src) => previewFor(postPath, src) ?? mediaUrl(postPath, src),
      importImage: async (file, field) => {
        const folders = {
          ...(field.mediaFolder === undefined ? {} : { mediaFolder: field.mediaFolder }),
          ...(field.publicFolder === undefined ? {} : { publicFolder: field.publicFolder }),
        };
        const imported = await controller.importImage({
          post: postPath,
          name: nameOf(file),
          data: await base64Of(file),
          forField: true,
          ...folders,
        });
        knowFile(imported.path);
        rememberPreview(postPath, imported.src, file);
        return { src: imported.src, warning: largeImageWarning(imported.info) };
      },
    }),
    [postPath, knowFile, controller],
  );
  if (withTitle) {
    const shown = fields.filter((field) => field.widget !== 'hidden');
    return <SchemaForm fields={shown} value={value} onChange={onChange} issues={issues} services={services} />;
  }
  return <FrontMatterForm fields={fields} value={value} onChange={onChange} issues={issues} services={services} />;
}
