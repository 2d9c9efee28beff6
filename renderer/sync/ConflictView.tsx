/**
 * The conflict view: a co-author changed the same places of the post the writer is publishing.
 * It lies over the page (the editor stays mounted underneath, its text untouched, and the rest of
 * the window stays usable): each clash side by side — theirs · mine — with Use theirs, Use mine and
 * Edit, the list of what merged on its own, then Publish merged or Cancel (keep my version as a
 * draft). Keyboard-operable; every control is named.
 */
import { useEffect, useId, useRef } from 'react';
import type { ConflictChoice, MergeConflict } from '../../shared/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { Icon } from '../app/icons';
import { plural } from '../app/format';
import { everyConflictChosen } from './sync-state';
import { useSyncController, useSyncState } from './SyncContext';
import './conflict-view.css';

/** The conflict view of the open post; renders nothing when no merge is pending. */
export function ConflictView() {
  const controller = useSyncController();
  const merge = useSyncState((state) => state.merge);
  const ref = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = merge?.pending != null;
  const open = merge !== null;

  // The page underneath cannot be reached while the view lies over it (the rest of the window can).
  useEffect(() => {
    const section = ref.current;
    if (!section) return;
    const siblings = Array.from(section.parentElement?.children ?? []).filter(
      (element): element is HTMLElement => element !== section && element instanceof HTMLElement,
    );
    for (const sibling of siblings) sibling.inert = true;
    return () => {
      for (const sibling of siblings) sibling.inert = false;
    };
  }, [open]);

  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (!controller || !merge) return null;
  const pending = merge.pending;
  const chosen = pending ? pending.conflicts.filter((conflict) => merge.choices[conflict.id] !== undefined).length : 0;
  const ready = everyConflictChosen(merge);

  return (
    <section ref={ref} className="conflicts" aria-labelledby="conflicts-title">
      <div className="conflicts__sheet">
        <h2 id="conflicts-title" className="conflicts__title" ref={headingRef} tabIndex={-1}>
          Someone else changed this post too
        </h2>
        {!pending ? (
          <p role="status">Looking at what changed…</p>
        ) : (
          <>
            <p className="conflicts__intro">
              {pending.conflicts.length === 0
                ? 'Everything merged on its own.'
                : `You both changed ${plural(pending.conflicts.length, 'place', 'places')}. Choose what to keep in each; everything else is already merged.`}
            </p>
            {pending.merged.length > 0 && (
              <section className="conflicts__merged" aria-labelledby="conflicts-merged">
                <h3 id="conflicts-merged">Merged on its own</h3>
                <ul>
                  {pending.merged.map((line) => (
                    <li key={line}>
                      <Icon name="check" /> {line}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <ol className="conflicts__list">
              {pending.conflicts.map((conflict) => (
                <li key={conflict.id}>
                  <ConflictCard
                    conflict={conflict}
                    choice={merge.choices[conflict.id]}
                    disabled={merge.busy !== null}
                    onChoose={(choice) => controller.choose(conflict.id, choice)}
                  />
                </li>
              ))}
            </ol>
          </>
        )}
        {merge.error && (
          <ErrorNotice
            title={merge.error.code === 'git-merge-conflict' ? 'Others changed it again' : 'Not published'}
            error={merge.error}
          />
        )}
        <div className="conflicts__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!ready || merge.busy !== null}
            onClick={() => void controller.resolveMerge()}
          >
            {merge.busy === 'resolving' ? 'Publishing…' : 'Publish merged'}
          </button>
          <button
            type="button"
            className="button"
            disabled={merge.busy !== null}
            onClick={() => void controller.cancelMerge()}
          >
            Cancel — keep my version as a draft
          </button>
          {pending && pending.conflicts.length > 0 && (
            <span className="conflicts__count" role="status">
              {chosen} of {pending.conflicts.length} chosen
            </span>
          )}
        </div>
      </div>
    </section>
  );
}

/** One clash: theirs and mine side by side, and the writer's choice. */
function ConflictCard({
  conflict,
  choice,
  disabled,
  onChoose,
}: {
  conflict: MergeConflict;
  choice: ConflictChoice | undefined;
  disabled: boolean;
  onChoose: (choice: ConflictChoice) => void;
}) {
  const id = useId();
  const editing = typeof choice === 'object';
  const picked = editing ? 'edit' : (choice ?? null);
  return (
    <div className="conflict" role="group" aria-labelledby={`${id}-label`} data-choice={picked ?? 'none'}>
      <h3 className="conflict__label" id={`${id}-label`}>
        {conflict.label}
      </h3>
      <div className="conflict__sides">
        <Side title="Theirs" text={conflict.theirs} chosen={picked === 'theirs'} />
        <Side title="Mine" text={conflict.mine} chosen={picked === 'mine'} />
      </div>
      <div className="conflict__choices">
        <button
          type="button"
          className="button button--small"
          aria-pressed={picked === 'theirs'}
          disabled={disabled}
          onClick={() => onChoose('theirs')}
        >
          Use theirs
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={picked === 'mine'}
          disabled={disabled}
          onClick={() => onChoose('mine')}
        >
          Use mine
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={editing}
          disabled={disabled}
          onClick={() => !editing && onChoose({ text: conflict.mine })}
        >
          Edit
        </button>
      </div>
      {editing && (
        <label className="conflict__edit">
          <span>Your text for {conflict.kind === 'field' ? 'this field' : 'this paragraph'}</span>
          <textarea
            value={choice.text}
            disabled={disabled}
            rows={Math.min(12, Math.max(3, choice.text.split('\n').length + 1))}
            // The textarea appears because the writer asked to edit: the caret goes there.
            autoFocus
            onChange={(event) => onChoose({ text: event.target.value })}
          />
        </label>
      )}
    </div>
  );
}

function Side({ title, text, chosen }: { title: string; text: string; chosen: boolean }) {
  return (
    <figure className="conflict__side" data-chosen={chosen || undefined}>
      <figcaption>
        {title}
        {chosen && <span className="conflict__kept"> · kept</span>}
      </figcaption>
      {text === '' ? <p className="conflict__deleted">Deleted</p> : <pre className="conflict__text">{text}</pre>}
    </figure>
  );
}
