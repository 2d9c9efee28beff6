/** The Save button in the page bar: quiet when everything is saved, prominent when it is not. */
import { modLabel } from '../app/use-global-shortcuts';
import { useController, useWorkspace } from '../app/WorkspaceContext';

/** Saves the open post (also Ctrl/Cmd+S). */
export function SaveButton() {
  const controller = useController();
  const dirty = useWorkspace((state) => state.dirty);
  const saving = useWorkspace((state) => state.saving);
  return (
    <button
      type="button"
      className={dirty ? 'button button--primary' : 'button'}
      aria-keyshortcuts="Control+S Meta+S"
      title={`Save (${modLabel()}S)`}
      disabled={saving}
      onClick={() => void controller.save()}
    >
      Save
    </button>
  );
}
