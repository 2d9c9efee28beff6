/**
 * The app's root: asks the back end what is running, then shows the start screen or, when a
 * repository is open, the workspace.
 */
import { useEffect, useState } from 'react';
import type { AppInfo, RepoSummary } from '../../shared/api';
import { useAppService } from './AppServiceContext';
import { StartScreen } from './StartScreen';
import { Workspace } from './Workspace';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'start'; info: AppInfo }
  | { kind: 'workspace'; info: AppInfo; repo: RepoSummary };

/** The whole renderer. */
export function App() {
  const service = useAppService();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    service.info().then(
      (info) => {
        if (cancelled) return;
        setPhase(
          info.openRepository ? { kind: 'workspace', info, repo: info.openRepository } : { kind: 'start', info },
        );
      },
      (error: unknown) => {
        if (!cancelled) setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [service]);

  switch (phase.kind) {
    case 'loading':
      return (
        <p className="app-message" role="status">
          Starting Masthead…
        </p>
      );
    case 'failed':
      return (
        <div className="app-message" role="alert">
          <p>Masthead could not reach its back end: {phase.message}</p>
          <p>Close this window and start Masthead again.</p>
        </div>
      );
    case 'start':
      return (
        <StartScreen info={phase.info} onOpened={(repo) => setPhase({ kind: 'workspace', info: phase.info, repo })} />
      );
    case 'workspace':
      return (
        <Workspace
          key={phase.repo.path}
          repo={phase.repo}
          onClose={() => setPhase({ kind: 'start', info: phase.info })}
        />
      );
  }
}
