/**
 * Problems that belong to the page: a failed save (the edits stay here), a post that would not
 * open, or translations a save could not bring in step.
 */
import { ErrorNotice } from '../app/ErrorNotice';
import { useDispatch, useWorkspace } from '../app/WorkspaceContext';
import { SaveAsNewFileButton } from './SaveAsNewFileButton';

/** Shows the page's current problems above the title. */
export function PageNotices() {
  const dispatch = useDispatch();
  const saveError = useWorkspace((state) => state.saveError);
  const openError = useWorkspace((state) => state.openError);
  const translationsFailed = useWorkspace((state) => state.translationsFailed);
  if (!saveError && !openError && !translationsFailed) return null;
  return (
    <div className="page__notice">
      {saveError && (
        <ErrorNotice
          title="Not saved — your edits are still here"
          error={saveError}
          actions={
            <>
              {/* The file is gone (deleted on disk while open): write the text back at the same path. */}
              {saveError.code === 'not-found' && <SaveAsNewFileButton />}
              <button
                type="button"
                className="button button--small"
                onClick={() => dispatch({ type: 'dismiss-save-error' })}
              >
                Dismiss
              </button>
            </>
          }
        />
      )}
      {openError && <ErrorNotice title="The post could not be opened" error={openError} />}
      {translationsFailed && (
        <ErrorNotice
          title="Saved — but not every translation was brought in step"
          error={{
            code: 'io',
            message: translationsFailed.map((failure) => `${failure.path}: ${failure.message}`).join(' '),
          }}
          actions={
            <button
              type="button"
              className="button button--small"
              onClick={() => dispatch({ type: 'dismiss-translations-failed' })}
            >
              Dismiss
            </button>
          }
        />
      )}
    </div>
  );
}
