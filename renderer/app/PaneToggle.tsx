/**
 * The button that hides or shows a side pane, and the thin rail a closed pane leaves behind. The
 * library and the inspector share them so both panes are named and announced the same way.
 */
import { Icon } from './icons';
import { useDispatch } from './WorkspaceContext';

/** The side panes; each name is also the pane element's id and its `data-pane`. */
type Pane = 'library' | 'inspector';

const PANES = {
  library: { action: 'toggle-library', icon: 'sidebarLeft' },
  inspector: { action: 'toggle-inspector', icon: 'sidebarRight' },
} as const;

/** "Hide library" / "Show inspector": a button that reports and flips whether `pane` is open. */
export function PaneToggle({ pane, open }: { pane: Pane; open: boolean }) {
  const dispatch = useDispatch();
  const label = `${open ? 'Hide' : 'Show'} ${pane}`;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      aria-expanded={open ? 'true' : 'false'}
      aria-controls={pane}
      title={label}
      onClick={() => dispatch({ type: PANES[pane].action })}
    >
      <Icon name={PANES[pane].icon} />
    </button>
  );
}

/** What a closed pane leaves: a rail holding the button that brings it back. */
export function PaneRail({ pane }: { pane: Pane }) {
  return (
    <div className={`${pane}-rail`} data-pane={pane}>
      <PaneToggle pane={pane} open={false} />
    </div>
  );
}
