/** Problems that belong to the page: a failed save (the edits stay here) or a post that would not open. */
import { ErrorNotice } from '../app/ErrorNotice';
import { useDispatch, useWorkspace } from '../app/WorkspaceContext';

/** Shows the page's current problems above the title. */
export function PageNotices() {
  const dispatch = useDispatch();
  const saveError = useWorkspace((state) => state.saveError);
  const openError = useWorkspace((state) => state.openError);
  if (!saveError && !openError) return null;
  return (
    <div className="page__notice">
      {saveError && (
        <ErrorNotice
          title="Not saved — your edits are still here"
          error={saveError}
          actions={
            <button type="button" className="button button--small" onClick={() => dispatch({ type: 'dismiss-save-error' })}>
              Dismiss
            </button>
          }
        />
      )}
      {openError && <ErrorNotice title="The post could not be opened" error={openError} />}
    </div>
  );
}
