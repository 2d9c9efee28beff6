/**
 * The workspace: library on the left, the page in the centre, the inspector on the right and the
 * status bar below. Owns the store and controller for one open repository.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { RepoSummary } from '../../shared/api';
import { on } from '../api';
import { WriterTools } from '../commands/WriterTools';
import { preloadEditorWhenIdle } from '../editor/editor-loader';
import { PostPage } from '../editor/PostPage';
import { Library } from '../library/Library';
import { SeoWatcher } from '../seo/SeoWatcher';
import { SyncProvider, useSyncState } from '../sync/SyncContext';
import { Inspector } from './Inspector';
import { LoadBoundary } from './LoadBoundary';
import { RecoveryBar } from './RecoveryBar';
import { StatusBar } from './StatusBar';
import { useAppService } from './AppServiceContext';
import { useStoreSelector } from './store';
import { useJournalFlush } from './use-journal-flush';
import { useMountedOnce } from './use-mounted-once';
import { WorkspaceProvider, useWorkspace } from './WorkspaceContext';
import './dialog.css';
import './workspace.css';

// Loaded the first time a merge needs the writer (a co-author changed the same lines).
const ConflictView = lazy(() => import('../sync/ConflictView').then((module) => ({ default: module.ConflictView })));

/** The workspace's inputs. */
export interface WorkspaceProps {
  repo: RepoSummary;
  /** Called once the writer has left the repository (unsaved changes already settled). */
  onClose: () => void;
}

/** One open repository. */
export function Workspace({ repo, onClose }: WorkspaceProps) {
  const service = useAppService();
  const [{ workspace: context, sync }] = useState(() => service.openWorkspace(repo));
  const closed = useStoreSelector(context.store, (state) => state.closed);
  useEffect(() => {
    if (closed) onClose();
  }, [closed, onClose]);

  useEffect(() => {
    const { store, controller } = context;
    void controller.loadPosts();
    void controller.loadModel();
    void controller.refreshSync();
    // Then asks the remote what others pushed, in the background.
    void sync.fetchOnFocus();
    void controller.loadSettings();
    // Edits journalled before a crash, reload or close come back: the most recent post opens with them.
    void controller.recover();
    const offProgress = on('publish:progress', (progress) => {
      if (progress.path === store.getState().post?.doc.path)
        store.dispatch({ type: 'publish-progress', stage: progress.stage });
    });
    const offMenu = on('menu:command', ({ command }) => {
      if (command === 'save') void controller.save();
      else if (command === 'sync') void sync.sync();
      else if (command === 'open-repository') void controller.requestCloseRepository();
      // Publish and the other commands are the command registry's (WriterTools): publishing asks first.
    });
    // Others may have pushed, or the writer pulled in a terminal: coming back to the window fetches (throttled).
    const onFocus = () => void sync.fetchOnFocus();
    window.addEventListener('focus', onFocus);
    const offStatus = on('sync:status', (status) => sync.statusChanged(status));
    const offFiles = on('files:changed', ({ paths }) => void sync.filesChanged(paths));
    const stopMerges = sync.start();
    // The editor is a chunk of its own: fetched now, in idle time, so the first post opens at once.
    preloadEditorWhenIdle();
    return () => {
      offProgress();
      offMenu();
      offStatus();
      offFiles();
      stopMerges();
      window.removeEventListener('focus', onFocus);
      controller.dispose();
    };
  }, [context, sync]);

  useJournalFlush(context.controller);

  return (
    <WorkspaceProvider value={context}>
      <SyncProvider value={sync}>
        <WriterTools sync={sync.sync}>
          <WorkspaceLayout />
        </WriterTools>
      </SyncProvider>
    </WorkspaceProvider>
  );
}

function WorkspaceLayout() {
  const libraryOpen = useWorkspace((state) => state.libraryOpen);
  const inspectorOpen = useWorkspace((state) => state.inspectorOpen);
  const tab = useWorkspace((state) => state.tab);
  return (
    <div
      className="workspace"
      data-library={libraryOpen ? 'open' : 'closed'}
      data-inspector={inspectorOpen ? 'open' : 'closed'}
      data-tab={tab}
    >
      <Library />
      <main className="workspace__page" id="page" aria-label="Page" data-pane="page">
        <RecoveryBar />
        <PostPage />
        <OnDemandConflictView />
      </main>
      <Inspector />
      <StatusBar />
      <SeoWatcher />
    </div>
  );
}

function OnDemandConflictView() {
  const mounted = useMountedOnce(useSyncState((state) => state.merge !== null));
  return mounted ? (
    <LoadBoundary what="conflict view">
      <Suspense fallback={null}>
        <ConflictView />
      </Suspense>
    </LoadBoundary>
  ) : null;
}
