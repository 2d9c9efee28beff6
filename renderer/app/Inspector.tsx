/**
 * The inspector pane: tabs for the front-matter form, SEO, publishing and the post's history (WAI-ARIA tabs pattern:
 * arrow keys move between tabs, only the selected tab is a tab stop). Collapses to a rail.
 */
import { lazy, Suspense, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { FieldsPanel } from '../frontmatter/FieldsPanel';
import { LoadBoundary } from './LoadBoundary';
import { PaneRail, PaneToggle } from './PaneToggle';
import { PublishBlockedNotice } from './PublishBlockedNotice';
import { useMountedOnce } from './use-mounted-once';
import { useNarrowPanes } from './use-narrow-panes';
import { useDispatch, useWorkspace } from './WorkspaceContext';
import type { InspectorTab } from './workspace-state';

// Each tab but Fields is a chunk of its own, loaded the first time the tab is shown: the SEO
// previews, the history's diffs and the publish diff need the Markdown parser; Fields is the default.
const SeoTab = lazy(() => import('../seo/SeoTab').then((module) => ({ default: module.SeoTab })));
const HistoryPanel = lazy(() => import('../history/HistoryPanel').then((module) => ({ default: module.HistoryPanel })));
const PublishPanel = lazy(() => import('../publish/PublishPanel').then((module) => ({ default: module.PublishPanel })));

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'fields', label: 'Fields' },
  { id: 'seo', label: 'SEO' },
  { id: 'publish', label: 'Publish' },
  { id: 'history', label: 'History' },
];

/** The right pane. */
export function Inspector() {
  const dispatch = useDispatch();
  const open = useWorkspace((state) => state.inspectorOpen);
  const tab = useWorkspace((state) => state.tab);
  const tabRefs = useRef(new Map<InspectorTab, HTMLButtonElement>());
  // Here because the inspector is mounted for as long as the workspace (as the pane or its rail).
  useNarrowPanes();

  if (!open) {
    return <PaneRail pane="inspector" />;
  }

  function onKeyDown(event: KeyboardEvent): void {
    const index = TABS.findIndex((item) => item.id === tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length];
    if (!target) return;
    dispatch({ type: 'tab', tab: target.id });
    tabRefs.current.get(target.id)?.focus();
  }

  return (
    <aside className="inspector" id="inspector" aria-label="Inspector" data-pane="inspector">
      <div className="inspector__bar">
        <div className="inspector__tabs" role="tablist" aria-label="Inspector" onKeyDown={onKeyDown}>
          {TABS.map((item) => (
            <button
              key={item.id}
              ref={(element) => {
                if (element) tabRefs.current.set(item.id, element);
                else tabRefs.current.delete(item.id);
              }}
              type="button"
              role="tab"
              id={`inspector-tab-${item.id}`}
              className="inspector__tab"
              aria-selected={tab === item.id}
              aria-controls={`inspector-panel-${item.id}`}
              tabIndex={tab === item.id ? 0 : -1}
              onClick={() => dispatch({ type: 'tab', tab: item.id })}
            >
              {item.label}
            </button>
          ))}
        </div>
        <PaneToggle pane="inspector" open />
      </div>
      {TABS.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`inspector-panel-${item.id}`}
          className="inspector__panel"
          aria-labelledby={`inspector-tab-${item.id}`}
          hidden={tab !== item.id}
        >
          {item.id === 'fields' ? (
            <>
              <PublishBlockedNotice />
              <FieldsPanel />
            </>
          ) : (
            <OnDemandPanel shown={tab === item.id}>
              {item.id === 'seo' ? <SeoTab /> : item.id === 'history' ? <HistoryPanel /> : <PublishPanel />}
            </OnDemandPanel>
          )}
        </div>
      ))}
    </aside>
  );
}

// A lazily loaded tab: mounted from the first time it is shown on (so it keeps its state); while
// its chunk loads the panel stays empty, at the size it already has.
function OnDemandPanel({ shown, children }: { shown: boolean; children: ReactNode }) {
  const mounted = useMountedOnce(shown);
  return mounted ? (
    <LoadBoundary what="tab">
      <Suspense fallback={null}>{children}</Suspense>
    </LoadBoundary>
  ) : null;
}
