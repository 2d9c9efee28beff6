/**
 * "New post": the writer picks a collection and gives a title; the file name follows the
 * collection's slug template (shown before anything is written) and the back end fills in the
 * defaults. A native modal dialog, so focus stays inside and Escape cancels.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CollectionId } from '../../shared/api';
import { entryFilePath, renderSlugTemplate } from '../../shared/content/schema/slug';
import type { FolderCollection } from '../../shared/content/schema/types';
import { toAppError } from '../../shared/errors';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import { defaultCollection } from './default-collection';
import { NO_COLLECTION } from '../../shared/content/collection-ids';

/** The dialog's inputs: whether it is open, and how to close it. */
export interface NewPostDialogProps {
  open: boolean;
  /** The collection to preselect (the one the library is showing), if any. */
  initialCollection: CollectionId | null;
  onClose: () => void;
}

/** Creates a post. */
export function NewPostDialog({ open, initialCollection, onClose }: NewPostDialogProps) {
  const controller = useController();
  const model = useWorkspace((state) => state.model);
  const repoCollections = useWorkspace((state) => state.repo.collections);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const collections = useMemo(
    () =>
      (model?.collections ?? []).filter(
        (c): c is FolderCollection => c.kind === 'folder' && c.create && repoCollections.some((r) => r.id === c.name),
      ),
    [model, repoCollections],
  );
  const [collectionId, setCollectionId] = useState<CollectionId>(NO_COLLECTION);
  const [title, setTitle] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setTitle('');
      setCollectionId(defaultCollection(collections, initialCollection, repoCollections));
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) dialog.close();
  }, [open, collections, initialCollection, repoCollections]);

  const collection = collections.find((c) => c.name === collectionId) ?? null;
  const preview = collection && title.trim() !== '' ? previewPath(collection, title.trim()) : null;
  const canCreate = collection !== null && title.trim() !== '' && preview !== null && preview.ok;

  const submit = () => {
    if (!canCreate || !collection) return;
    controller.requestCreate(collection.name, title.trim());
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className="dialog new-post"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id={`${id}-title`} className="dialog__title">
            New post
          </h2>
          {collections.length === 0 ? (
            <p className="dialog__text">
              {model
                ? 'This site’s config does not allow new entries in any collection.'
                : 'Loading the site’s collections…'}
            </p>
          ) : (
            <>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-name`}>
                  Title
                </label>
                <input
                  id={`${id}-name`}
                  className="input"
                  type="text"
                  autoFocus
                  value={title}
                  onChange={(event) => setTitle(event.target.value)}
                  aria-describedby={`${id}-path`}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-collection`}>
                  Collection
                </label>
                <select
                  id={`${id}-collection`}
                  className="input"
                  value={collectionId}
                  onChange={(event) =>
                    setCollectionId(collections.find((c) => c.name === event.target.value)?.name ?? NO_COLLECTION)
                  }
                >
                  {collections.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <p
                id={`${id}-path`}
                className={preview && !preview.ok ? 'dialog__text field__error' : 'dialog__text new-post__path'}
              >
                {preview !== null && !preview.ok ? (
                  preview.message
                ) : preview !== null ? (
                  <>
                    Saved as <code>{preview.path}</code>
                  </>
                ) : collection ? (
                  <>
                    Saved in{' '}
                    <code>{collection.folder === '' ? 'the repository’s top folder' : `${collection.folder}/`}</code>;
                    the file name is made from the title.
                  </>
                ) : (
                  'The file name is made from the title.'
                )}
              </p>
            </>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={!canCreate}>
              Create post
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/** Where the post would be written (before uniqueness), or why it cannot be. */
function previewPath(
  collection: FolderCollection,
  title: string,
): { ok: true; path: string } | { ok: false; message: string } {
  try {
    const input = {
      title,
      date: new Date(),
      fields: { [collection.identifierField]: title },
      identifierField: collection.identifierField,
      slugOptions: collection.slugOptions,
    };
    return { ok: true, path: entryFilePath(collection, renderSlugTemplate(collection.slug, input), input) };
  } catch (error) {
    return { ok: false, message: toAppError(error).message };
  }
}
