/**
 * The inspector's History tab: the open post's versions — its commits (followed across renames)
 * and the local saves kept on this computer — as one radio group (arrow keys walk it). Choosing a
 * version shows what changed since it, in words; Restore brings it back into the editor as an
 * unsaved edit. Nothing here writes the file or touches the repository's history.
 */
import { use, useEffect, useMemo, useState } from 'react';
import type { PostVersion, PostVersionContent } from '../../shared/api';
import { isMdxPath, loadMdxSyntax } from '../../shared/document';
import { toAppError, type AppError } from '../../shared/errors';
import { ErrorNotice } from '../app/ErrorNotice';
import { useController, useEditorRef, useWorkspace } from '../app/WorkspaceContext';
import type { OpenPost } from '../app/workspace-state';
import { DiffView } from './DiffView';
import { restoreVersion } from './restore';
import { useCurrentText } from './use-current-text';
import { isUnchanged, versionDiff } from './version-diff';
import './history.css';

/** The History tab's content. */
export function HistoryPanel() {
  const post = useWorkspace((state) => state.post);
  const visible = useWorkspace((state) => state.tab === 'history' && state.inspectorOpen);
  if (!post) return <p className="inspector__empty">Open a post to see its versions.</p>;
  // Mounted only while shown: listing history runs git, which a hidden tab should not cost.
  return visible ? <PostHistory key={post.session} post={post} /> : null;
}

const thisYearFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const otherYearFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A version's date and time, without the year when it is this year's (keeps each row to one line). */
function when(date: string): string {
  const time = Date.parse(date);
  if (Number.isNaN(time)) return date;
  const day = new Date(time);
  return (day.getFullYear() === new Date().getFullYear() ? thisYearFormat : otherYearFormat).format(day);
}

/** The words a version goes by: its commit message, or what the local save was. */
function versionTitle(version: PostVersion): string {
  if (version.kind === 'commit') return version.message || '(no message)';
  return version.role === 'written' ? 'Saved on this computer' : 'The file before a save';
}

function PostHistory({ post }: { post: OpenPost }) {
  const controller = useController();
  const path = post.doc.path;
  // Saving gives the file a new version and publishing a new commit: the list is read again then.
  const fileVersion = post.doc.version;
  const lastCommit = useWorkspace((state) => state.publish.result?.commit ?? null);
  const [versions, setVersions] = useState<PostVersion[] | null>(null);
  const [listError, setListError] = useState<AppError | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [content, setContent] = useState<PostVersionContent | null>(null);
  const [contentError, setContentError] = useState<AppError | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    controller
      .loadHistory(path)
      .then((list) => {
        if (!live) return;
        setVersions(list);
        setListError(null);
      })
      .catch((error: unknown) => live && setListError(toAppError(error)));
    return () => {
      live = false;
    };
  }, [controller, path, fileVersion, lastCommit]);

  useEffect(() => {
    if (selected === null) return;
    let live = true;
    controller
      .loadVersion(path, selected)
      .then((value) => live && setContent(value))
      .catch((error: unknown) => {
        if (!live) return;
        setContent(null);
        setContentError(toAppError(error));
      });
    return () => {
      live = false;
    };
  }, [controller, path, selected]);

  if (listError) return <ErrorNotice title="The history could not be read" error={listError} />;
  if (versions === null)
    return (
      <p role="status" className="inspector__empty">
        Reading the history…
      </p>
    );
  if (versions.length === 0) {
    return (
      <p className="inspector__empty">
        No versions yet. Each save keeps a copy here, and each commit of this file is listed once there is one.
      </p>
    );
  }

  const chosen = versions.find((version) => version.id === selected) ?? null;
  return (
    <div className="history">
      <fieldset className="history__versions">
        <legend className="history__legend">Versions</legend>
        <div className="history__list">
          {versions.map((version) => (
            <VersionRow
              key={version.id}
              version={version}
              currentPath={path}
              checked={version.id === selected}
              onChoose={() => {
                setSelected(version.id);
                setContent(null);
                setContentError(null);
                setRestored(null);
              }}
            />
          ))}
        </div>
      </fieldset>
      {chosen === null ? (
        <p className="history__hint">Choose a version to see what changed since, and to bring it back.</p>
      ) : contentError ? (
        <ErrorNotice title="This version could not be read" error={contentError} />
      ) : content === null || content.id !== chosen.id ? (
        <p role="status" className="history__hint">
          Reading the version…
        </p>
      ) : (
        <VersionDetail
          post={post}
          version={chosen}
          content={content}
          restored={restored === chosen.id}
          onRestored={() => setRestored(chosen.id)}
        />
      )}
    </div>
  );
}

function VersionRow({
  version,
  currentPath,
  checked,
  onChoose,
}: {
  version: PostVersion;
  currentPath: string;
  checked: boolean;
  onChoose: () => void;
}) {
  return (
    <label className="history__version" data-kind={version.kind}>
      <input type="radio" name="history-version" value={version.id} checked={checked} onChange={onChoose} />
      <span className="history__version-text">
        <span className="history__version-title">{versionTitle(version)}</span>
        <span className="history__version-meta">
          {version.kind === 'commit' ? (
            <>
              {version.author} · {when(version.date)} · <code>{version.shortCommit}</code>
              {version.path !== currentPath && <> · as {version.path.split('/').pop()}</>}
            </>
          ) : (
            <>
              {when(version.date)} · <span className="history__badge">not committed</span>
            </>
          )}
        </span>
      </span>
    </label>
  );
}

function VersionDetail({
  post,
  version,
  content,
  restored,
  onRestored,
}: {
  post: OpenPost;
  version: PostVersion;
  content: PostVersionContent;
  restored: boolean;
  onRestored: () => void;
}) {
  const controller = useController();
  const editorRef = useEditorRef();
  const current = useCurrentText();
  const mdx = isMdxPath(post.doc.path);
  // MDX's parser is loaded on demand (usually already, with the editor): wait for it before diffing.
  if (mdx) use(loadMdxSyntax());
  const diff = useMemo(() => (current ? versionDiff(content, current, { mdx }) : null), [content, current, mdx]);
  if (!diff) return null;
  const same = isUnchanged(diff);
  const name = version.kind === 'commit' ? `commit ${version.shortCommit}` : `the local save of ${when(version.date)}`;
  return (
    <section className="history__detail" aria-label="Chosen version">
      <h3 className="history__heading">{same ? 'Same as your text now' : 'Changes since this version'}</h3>
      {same ? (
        <p className="history__hint">Your text reads the same as {name}.</p>
      ) : (
        <>
          <p className="history__hint">
            <del className="diff__removed diff__sample">Struck</del> words are in this version only;{' '}
            <ins className="diff__added diff__sample">marked</ins> words were added since.
          </p>
          <DiffView diff={diff} label={`Changes since ${name}`} />
        </>
      )}
      <button
        type="button"
        className="button history__restore"
        disabled={same}
        onClick={() => {
          restoreVersion(editorRef.current, controller, post, content);
          onRestored();
        }}
      >
        Restore this version
      </button>
      <p className="history__status" role="status">
        {restored && 'Restored as an unsaved edit. Save to keep it; the file is unchanged until then.'}
      </p>
    </section>
  );
}
