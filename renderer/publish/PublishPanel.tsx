/**
 * The inspector's Publish tab: what will be committed (the file and the message), the button, the
 * progress of a running publish, and its outcome — the commit on success, the reason on failure.
 */
import type { PublishResult, PublishStage } from '../../shared/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { SavedSignIns } from '../app/SavedSignIns';
import { modLabel } from '../app/use-global-shortcuts';
import { useController, useDispatch, useWorkspace } from '../app/WorkspaceContext';
import { titleOf } from '../app/workspace-state';
import { PublishDiff } from './PublishDiff';
import { PublishReadiness } from './PublishReadiness';
import { canRepair, RepairAndPublishButton } from './RepairAndPublishButton';
import { useSyncState } from '../sync/SyncContext';
import '../sync/sync.css';
import './publish.css';

const STEPS: { stage: PublishStage; label: string }[] = [
  { stage: 'saving', label: 'Saving…' },
  { stage: 'committing', label: 'Committing…' },
  { stage: 'pushing', label: 'Pushing…' },
];

/** Shows the publish plan and runs it. */
export function PublishPanel() {
  const controller = useController();
  const post = useWorkspace((state) => state.post);
  const publish = useWorkspace((state) => state.publish);
  const sync = useWorkspace((state) => state.sync);
  const dirty = useWorkspace((state) => state.dirty);
  const seoBlocked = useWorkspace((state) => state.seoBlocked);
  const visible = useWorkspace((state) => state.tab === 'publish' && state.inspectorOpen);
  const dispatch = useDispatch();
  const mergeNote = useSyncState((state) => state.mergeNote);

  if (!post) return <p className="inspector__empty">Open a post to publish it.</p>;

  const message = `Publish: ${titleOf(post.frontMatter, post.doc.path)}`;
  const current = STEPS.findIndex((step) => step.stage === publish.stage);
  const target = sync?.upstream ?? 'its upstream';

  return (
    <div className="publish">
      {visible && <PublishDiff key={post.session} post={post} />}

      <dl className="publish__plan">
        <dt>File</dt>
        <dd>
          <code>{post.doc.path}</code>
          {dirty && <span className="publish__note"> — unsaved changes are saved first</span>}
        </dd>
        <dt>Commit message</dt>
        <dd>
          <code className="publish__message">{message}</code>
        </dd>
        <dt>Destination</dt>
        <dd>
          {sync?.branch ?? 'current branch'} → {target}
        </dd>
      </dl>

      {visible && <PublishReadiness post={post} />}

      <button
        type="button"
        className="button button--primary publish__button"
        disabled={publish.running}
        aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
        onClick={() => void controller.publish()}
      >
        {publish.running ? 'Publishing…' : 'Publish'}
      </button>
      <p className="publish__shortcut">
        <kbd>{modLabel()}Shift+Enter</kbd> publishes from anywhere, after showing what it will publish.
      </p>

      {publish.running && (
        <div className="publish__progress">
          <progress max={STEPS.length} value={Math.max(current, 0)} aria-label="Publish progress" />
          <ol className="publish__steps">
            {STEPS.map((step, index) => (
              <li
                key={step.stage}
                data-state={index < current ? 'done' : index === current ? 'current' : 'waiting'}
                aria-current={index === current ? 'step' : undefined}
              >
                {step.label}
              </li>
            ))}
          </ol>
        </div>
      )}

      <div className="publish__status" role="status">
        {publish.result && <PublishOutcome result={publish.result} />}
        {mergeNote && <p className="publish__note-calm">{mergeNote}</p>}
      </div>

      {publish.error && (
        <ErrorNotice
          title="Not published"
          error={publish.error}
          actions={canRepair(publish.error.code) ? <RepairAndPublishButton code={publish.error.code} /> : undefined}
        />
      )}

      {seoBlocked && seoBlocked.length > 0 && (
        <div className="blocked" role="alert">
          <p className="blocked__title">
            <strong>Not published yet.</strong> The SEO checks found{' '}
            {seoBlocked.length === 1 ? 'an error' : `${seoBlocked.length} errors`}:
          </p>
          <ul className="blocked__list">
            {seoBlocked.map((check) => (
              <li key={check.id}>
                {check.title}: {check.message}
              </li>
            ))}
          </ul>
          <div className="blocked__actions">
            <button type="button" className="button" onClick={() => dispatch({ type: 'tab', tab: 'seo' })}>
              Show SEO checks
            </button>
            <button type="button" className="button" onClick={() => void controller.publish({ ignoreSeo: true })}>
              Publish anyway
            </button>
          </div>
        </div>
      )}

      {visible && <SavedSignIns publishing={publish.running} />}
    </div>
  );
}

/**
 * What a publish did: the commit and where it went; "Published locally — will push when online"
 * when the remote could not be reached (the push is queued and retried); a calm note when others
 * had pushed first and the branch caught up before pushing.
 */
function PublishOutcome({ result }: { result: PublishResult }) {
  if (result.pushed === false) {
    return (
      <>
        <p className="publish__success">
          <strong>Published locally</strong> <code>{result.shortCommit}</code> — will push when online.
        </p>
        <p className="publish__note-calm" data-tone="waiting">
          The commit is safe here. Masthead pushes it to {result.upstream} by itself once the remote can be reached, or
          when you press Sync in the status bar.
        </p>
      </>
    );
  }
  return (
    <>
      <p className="publish__success">
        <strong>Published</strong> <code>{result.shortCommit}</code> to {result.upstream}
        {!result.committed && ' (already committed; pushed only)'}.
      </p>
      {result.caughtUp && <p className="publish__note-calm">{result.caughtUp}</p>}
    </>
  );
}
