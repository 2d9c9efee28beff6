/**
 * Asks what to do with unsaved changes before the writer leaves the post (opens another one or
 * leaves the repository): save them, discard them, or stay. A native modal dialog, so focus is
 * trapped inside and Escape means "Cancel".
 */
import { useEffect, useRef } from 'react';
import { useController, useWorkspace } from './WorkspaceContext';
import { titleOf } from './workspace-state';

/** The modal shown while an action waits on unsaved changes. */
export function UnsavedChangesDialog() {
  const controller = useController();
  const pending = useWorkspace((state) => state.pending);
  const post = useWorkspace((state) => state.post);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!pending && dialog.open) dialog.close();
  }, [pending]);

  const title = post ? titleOf(post.frontMatter, post.doc.path) : '';
  const leaving = pending?.kind === 'close-repository' ? 'leaving this repository' : 'opening another post';

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-description"
      onCancel={(event) => {
        event.preventDefault();
        void controller.resolvePending('cancel');
      }}
    >
      {pending && (
        <>
          <h2 id="unsaved-title" className="dialog__title">
            Unsaved changes
          </h2>
          <p id="unsaved-description" className="dialog__text">
            “{title}” has changes that are not saved yet. Save them before {leaving}?
          </p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => void controller.resolvePending('cancel')}>
              Cancel
            </button>
            <button type="button" className="button" onClick={() => void controller.resolvePending('discard')}>
              Discard changes
            </button>
            <button type="button" className="button button--primary" autoFocus onClick={() => void controller.resolvePending('save')}>
              Save and continue
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
