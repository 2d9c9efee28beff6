/**
 * Publishing from the keyboard or the menu asks once: which post, where it goes, and the changes the
 * commit will hold (the Publish tab's own diff). A checkbox stops the question for this repository.
 */
import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../app/WorkspaceContext';
import { titleOf } from '../app/workspace-state';
import { PublishDiff } from '../publish/PublishDiff';
import type { CommandContext } from './app-commands';
import { useTools } from './tools-state';

/** The question, open while the tools' `publishConfirm` is set. */
export function PublishConfirm({ context }: { context: CommandContext }) {
  const open = useTools((state) => state.publishConfirm);
  const post = useWorkspace((state) => state.post);
  const dirty = useWorkspace((state) => state.dirty);
  const branch = useWorkspace((state) => state.sync?.branch ?? null);
  const upstream = useWorkspace((state) => state.sync?.upstream ?? null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const publishRef = useRef<HTMLButtonElement>(null);
  const [skipNextTime, setSkipNextTime] = useState(false);
  const shown = open && post !== null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (shown && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setSkipNextTime(false);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // showModal focuses the first control (the checkbox); the answer a writer means is Publish.
      publishRef.current?.focus();
    } else if (!shown && dialog.open) {
      dialog.close();
      returnTo.current?.focus();
    }
  }, [shown]);

  // Closed here, not in the effect, so focus is back where it was before publishing moves it (to a field it refuses).
  const close = () => {
    if (dialogRef.current?.open) dialogRef.current.close();
    returnTo.current?.focus();
    context.tools.dispatch({ type: 'publish-confirm', open: false });
  };
  const publish = () => {
    if (skipNextTime) {
      context.tools.dispatch({ type: 'settings', publishWithoutAsking: true });
      context.saveSettings({ publishWithoutAsking: true });
    }
    close();
    void context.controller.publish();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog publish-confirm"
      aria-labelledby="publish-confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      {shown && post && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            publish();
          }}
        >
          <h2 id="publish-confirm-title" className="dialog__title">
            Publish “{titleOf(post.frontMatter, post.doc.path)}”?
          </h2>
          <p className="dialog__text publish-confirm__plan">
            Commits <code>{post.doc.path}</code>
            {dirty && ' (saving your unsaved changes first)'} and pushes it to {upstream ?? 'its upstream'}
            {branch ? ` from ${branch}` : ''}.
          </p>
          <div className="publish-confirm__diff">
            <PublishDiff key={post.session} post={post} />
          </div>
          <label className="publish-confirm__skip">
            <input type="checkbox" checked={skipNextTime} onChange={(event) => setSkipNextTime(event.target.checked)} />
            Publish from the keyboard without asking next time
          </label>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" ref={publishRef}>
              Publish
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
