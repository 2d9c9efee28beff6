/**
 * The list of posts: one button per post (title, date in the writer's locale, draft marker, and
 * in a translated collection the file's locale, or the locales a single file holds). A translation following its sibling is drawn as
 * part of the same entry. Arrow keys move between posts and only the current one is a tab stop.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { PostSummary } from '../../shared/api';
import { localeName } from '../../shared/content/schema/i18n';
import { formatPostDate } from '../app/format';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import './locale-tag.css';

/** Renders the (already filtered) posts. */
export function PostList({ posts }: { posts: PostSummary[] }) {
  const controller = useController();
  const openPath = useWorkspace((state) => state.post?.doc.path ?? null);
  const opening = useWorkspace((state) => state.opening);
  const dirty = useWorkspace((state) => state.dirty);
  const listRef = useRef<HTMLUListElement>(null);
  const focusIndex = Math.max(0, posts.findIndex((post) => post.path === openPath));

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.min(Math.max(next, 0), buttons.length - 1)]?.focus();
  }

  return (
    <ul className="post-list" aria-label="Posts" ref={listRef} onKeyDown={onKeyDown}>
      {posts.map((post, index) => {
        const isOpen = post.path === openPath;
        const previous = posts[index - 1];
        const sibling = post.translationKey !== undefined && previous?.collection === post.collection && previous.translationKey === post.translationKey;
        return (
          <li key={post.path} className={sibling ? 'post-list__translation' : undefined}>
            <button
              type="button"
              className="post-item"
              aria-current={isOpen ? 'page' : undefined}
              aria-busy={opening === post.path || undefined}
              tabIndex={index === focusIndex ? 0 : -1}
              onClick={() => controller.requestOpen(post.path)}
            >
              <span className="post-item__title">{post.title}</span>
              {(post.date || post.draft || post.locale || post.locales?.length || (isOpen && dirty)) && (
                <span className="post-item__meta">
                  {[...(post.locale ? [post.locale] : []), ...(post.locales ?? [])].map((locale) => (
                    <span key={locale}>
                      <span className="visually-hidden">, {localeName(locale)}</span>
                      <span className="locale-tag" aria-hidden="true" title={localeName(locale)}>
                        {locale}
                      </span>
                    </span>
                  ))}
                  {/* Hidden commas keep the spoken name "Title, 23 Feb 2026, Draft" rather than one run-on word. */}
                  {post.date && (
                    <>
                      <span className="visually-hidden">, </span>
                      <time dateTime={post.date}>{formatPostDate(post.date)}</time>
                    </>
                  )}
                  {post.draft && (
                    <>
                      <span className="visually-hidden">, </span>
                      <span className="post-item__draft">Draft</span>
                    </>
                  )}
                  {isOpen && dirty && (
                    <span className="post-item__unsaved" title="Edited, not yet on disk">
                      {/* Worded without "save" so the Save button stays the only button whose name has it. */}
                      <span className="visually-hidden">, edited</span>
                    </span>
                  )}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
