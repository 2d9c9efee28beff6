/**
 * The start screen, shown when no repository is open: recent repositories, the native folder
 * picker where one exists, and always a path field (web mode has no native dialog).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AppInfo, RecentRepo, RepoSummary } from '../../shared/api';
import { loadEditorChunk } from '../editor/editor-loader';
import { useAppService } from './AppServiceContext';
import './start-screen.css';

/** The start screen's inputs. */
export interface StartScreenProps {
  info: AppInfo;
  onOpened: (repo: RepoSummary) => void;
}

/** Lets the writer pick the repository to work in. */
export function StartScreen({ info, onOpened }: StartScreenProps) {
  const service = useAppService();
  const [recent, setRecent] = useState<RecentRepo[]>([]);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  useEffect(() => {
    let cancelled = false;
    // Recent repositories are a convenience: without them the screen still works.
    service.recentRepositories().then(
      (list) => !cancelled && setRecent(list),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [service]);

  async function open(folder: string): Promise<void> {
    const trimmed = folder.trim();
    if (trimmed === '') {
      setError('Type the path of a folder that holds a Git repository, then press Open.');
      return;
    }
    setBusy(true);
    setError(null);
    // The editor's chunk arrives while the repository opens (the page only waits then), not while
    // the writer starts on the library. A failure here is retried when a post opens.
    void loadEditorChunk().catch(() => undefined);
    try {
      onOpened(await service.openRepository(trimmed));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  async function pick(): Promise<void> {
    setError(null);
    try {
      const folder = await service.pickFolder();
      if (folder) await open(folder);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void open(path);
  }

  return (
    <main className="start">
      <div className="start__card">
        <header className="start__header">
          <h1 className="start__brand">Masthead</h1>
          <p className="start__tagline">Write, check and publish the posts of a Git-backed blog.</p>
        </header>

        <section aria-labelledby="start-open-heading" className="start__section">
          <h2 id="start-open-heading">Open a content repository</h2>
          {info.canPickFolder && (
            <button type="button" className="button button--primary" onClick={() => void pick()} disabled={busy}>
              Choose folder…
            </button>
          )}
          <form className="start__path" onSubmit={submit}>
            <label htmlFor="start-path">Repository folder</label>
            <div className="start__path-row">
              <input
                id="start-path"
                className="input"
                value={path}
                onChange={(event) => setPath(event.target.value)}
                placeholder="/home/you/blog"
                spellCheck={false}
                autoComplete="off"
                aria-invalid={error !== null}
                aria-describedby={error ? errorId : undefined}
              />
              <button
                type="submit"
                className={info.canPickFolder ? 'button' : 'button button--primary'}
                disabled={busy}
              >
                {busy ? 'Opening…' : 'Open'}
              </button>
            </div>
          </form>
          {error && (
            <p id={errorId} className="start__error" role="alert">
              {error}
            </p>
          )}
        </section>

        {recent.length > 0 && (
          <section aria-labelledby="start-recent-heading" className="start__section">
            <h2 id="start-recent-heading">Recent repositories</h2>
            <ul className="start__recent">
              {recent.map((repo) => (
                <li key={repo.path}>
                  <button
                    type="button"
                    className="start__recent-item"
                    onClick={() => void open(repo.path)}
                    disabled={busy}
                  >
                    <span className="start__recent-name">{repo.name}</span>
                    <span className="visually-hidden">, </span>
                    <span className="start__recent-path">{repo.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
