/**
 * The list of posts: one button per post (title, date in the writer's locale, draft marker, and
 * in a translated collection the file's locale, or the locales a single file holds). A translation following its sibling is drawn as
 * part of the same entry.
 *
 * Only the rows in view (plus a few either side) are in the DOM, so 10,000 posts cost what 30 do;
 * each row says where it stands (aria-posinset of aria-setsize) so a screen reader still hears
 * "12 of 10,000". Arrow keys, Page Up/Down, Home and End move across the whole list, and only the
 * current row is a Tab stop; that row stays drawn while focused, even when scrolled away.
 */
import { defaultRangeExtractor, useVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PostSummary } from '../../shared/api';
import { localeName } from '../../shared/content/schema/i18n';
import { formatPostDate } from '../app/format';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import { followsSibling, targetIndex, withPinnedRow } from './list-keys';
import './locale-tag.css';

// Row heights before they are measured: a one-line title with its meta line, and a translation row.
const ROW_ESTIMATE = 52;
const TRANSLATION_ESTIMATE = 40;
const OVERSCAN = 8;

/** Where a list was left: its scroll offset and the row heights measured so far (so the same rows are back in view). */
export interface ListPosition {
  offset: number;
  measurements: VirtualItem[];
}

/** Props of PostList. */
export interface PostListProps {
  /** The (already filtered) posts. */
  posts: PostSummary[];
  /** Positions by list (collection), kept by the pane so a list opens where it was left. */
  scrollMemory?: Map<string, ListPosition>;
  /** This list's key in scrollMemory; null for a list not worth remembering (search results). */
  scrollKey?: string | null;
  /** The search query: a new one starts the list at the top, clearing it goes back to where the list was. */
  searchKey?: string;
}

/** Renders the (already filtered) posts, drawing only the rows in view. */
export function PostList({ posts, scrollMemory, scrollKey = null, searchKey = '' }: PostListProps) {
  const controller = useController();
  const openPath = useWorkspace((state) => state.post?.doc.path ?? null);
  const opening = useWorkspace((state) => state.opening);
  // Posts left with unsaved edits: the journal holds them until the post is reopened and saved.
  const journalled = useWorkspace((state) => state.journalled);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row holding the Tab stop, by path so it survives the list being filtered around it.
  const [active, setActive] = useState<string | null>(null);
  const focusAfterRender = useRef(false);

  const indexOf = useMemo(() => {
    const map = new Map<string, number>();
    posts.forEach((post, index) => map.set(post.path, index));
    return map;
  }, [posts]);
  const openIndex = openPath === null ? -1 : (indexOf.get(openPath) ?? -1);
  const activeIndex = active === null ? -1 : (indexOf.get(active) ?? -1);
  const focusIndex = activeIndex >= 0 ? activeIndex : Math.max(0, openIndex);

  const remembered = scrollKey !== null ? scrollMemory?.get(scrollKey) : undefined;
  const rangeExtractor = useCallback(
    (range: Range) => withPinnedRow(defaultRangeExtractor(range), focusIndex, range.count),
    [focusIndex],
  );
  // The virtualizer re-renders this component itself when the visible range changes; nothing here
  // is memoized by the React Compiler (the app does not use it), which is what the rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: posts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (followsSibling(posts, index) ? TRANSLATION_ESTIMATE : ROW_ESTIMATE),
    getItemKey: (index) => posts[index]?.path ?? index,
    overscan: OVERSCAN,
    gap: 1,
    paddingStart: 4,
    paddingEnd: 16,
    initialOffset: remembered?.offset ?? 0,
    initialMeasurementsCache: remembered?.measurements,
    rangeExtractor,
  });

  // initialOffset only tells the virtualizer where to draw; the new scroll element starts at 0 until told.
  const restored = useRef(remembered?.offset);
  useLayoutEffect(() => {
    if (restored.current !== undefined) virtualizer.scrollToOffset(restored.current);
  }, [virtualizer]);

  // Leaving the list (another collection, a search, the pane hidden) remembers where it was. A
  // layout effect, so it is saved before the search effect below scrolls to the top.
  useLayoutEffect(
    () => () => {
      if (scrollKey !== null && virtualizer.scrollOffset !== null) {
        scrollMemory?.set(scrollKey, { offset: virtualizer.scrollOffset, measurements: virtualizer.takeSnapshot() });
      }
    },
    [scrollKey, scrollMemory, virtualizer],
  );

  const lastSearch = useRef(searchKey);
  useLayoutEffect(() => {
    if (lastSearch.current === searchKey) return;
    lastSearch.current = searchKey;
    const back = scrollKey !== null ? scrollMemory?.get(scrollKey) : undefined;
    virtualizer.scrollToOffset(back?.offset ?? 0);
  }, [searchKey, scrollKey, scrollMemory, virtualizer]);

  // A list seen before opens where it was left; otherwise on the open post.
  const shownOpen = useRef<string | null | undefined>(remembered === undefined ? undefined : openPath);
  useEffect(() => {
    if (shownOpen.current === openPath) return;
    const first = shownOpen.current === undefined;
    shownOpen.current = openPath;
    // A row already in view (the writer just clicked it) is left where it is: scrolling to it anyway
    // forced a layout of the whole window while the post was opening.
    if (openIndex >= 0 && (first || !rowInView(virtualizer, openIndex)))
      virtualizer.scrollToIndex(openIndex, { align: first ? 'center' : 'auto' });
  }, [openPath, openIndex, virtualizer]);

  useLayoutEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    scrollRef.current
      ?.querySelector<HTMLButtonElement>(`[data-index="${focusIndex}"] > button`)
      ?.focus({ preventScroll: true });
  });

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (!(event.target instanceof HTMLButtonElement)) return;
    const scroller = scrollRef.current;
    const row = Number(event.target.closest('li')?.dataset.index ?? focusIndex);
    const pageSize = scroller ? scroller.clientHeight / ROW_ESTIMATE - 1 : 1;
    const next = targetIndex(event.key, row, posts.length, pageSize);
    if (next === null) return;
    event.preventDefault();
    const post = posts[next];
    if (!post || next === row) return;
    focusAfterRender.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (post.path === active) {
      // Already the Tab stop (focus had moved by pointer): nothing re-renders, so focus it here.
      focusAfterRender.current = false;
      scroller?.querySelector<HTMLButtonElement>(`[data-index="${next}"] > button`)?.focus({ preventScroll: true });
    } else {
      setActive(post.path);
    }
  }

  const items = virtualizer.getVirtualItems();
  return (
    <div className="library__list" ref={scrollRef}>
      <ul className="post-list" aria-label="Posts" onKeyDown={onKeyDown} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const post = posts[item.index];
          if (!post) return null;
          return (
            <li
              key={item.key as string}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={followsSibling(posts, item.index) ? 'post-list__row post-list__translation' : 'post-list__row'}
              style={{ transform: `translateY(${item.start}px)` }}
              aria-setsize={posts.length}
              aria-posinset={item.index + 1}
            >
              <PostButton
                post={post}
                isOpen={post.path === openPath}
                busy={opening === post.path}
                journalled={journalled.includes(post.path)}
                tabStop={item.index === focusIndex}
                onOpen={() => {
                  setActive(post.path);
                  controller.requestOpen(post.path);
                }}
                onLikelyOpen={() => controller.prefetchPost(post.path)}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface PostButtonProps {
  post: PostSummary;
  isOpen: boolean;
  busy: boolean;
  /** The post was left with unsaved edits (the open post shows its own unsaved state instead). */
  journalled: boolean;
  tabStop: boolean;
  onOpen(): void;
  /** The mouse rested on the row, or the primary button went down on it: a click that opens it is likely to follow. */
  onLikelyOpen(): void;
}

/** Whether row `index` is wholly in view, from what the list already knows (no layout is read). */
function rowInView(
  virtualizer: { measurementsCache: VirtualItem[]; scrollOffset: number | null; scrollRect: { height: number } | null },
  index: number,
): boolean {
  const row = virtualizer.measurementsCache[index];
  const top = virtualizer.scrollOffset ?? 0;
  const height = virtualizer.scrollRect?.height ?? 0;
  return row !== undefined && height > 0 && row.start >= top && row.end <= top + height;
}
/**
 * How long the mouse rests on a row before its post is read ahead: a writer moving to a post and
 * clicking it rests there a few tenths of a second; the mouse passing over rows reads nothing.
 */
export const REST_BEFORE_READ_MS = 120;

function PostButton({ post, isOpen, busy, journalled, tabStop, onOpen, onLikelyOpen }: PostButtonProps) {
  // Selected by the row, not the list: the first keystroke in a post then renders this row again, not every row.
  const unsaved = useWorkspace((state) => isOpen && state.dirty);
  const edited = isOpen ? unsaved : journalled;
  const resting = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(resting.current), []);
  return (
    <button
      type="button"
      className="post-item"
      aria-current={isOpen ? 'page' : undefined}
      aria-busy={busy || undefined}
      tabIndex={tabStop ? 0 : -1}
      onClick={onOpen}
      onPointerEnter={(event) => {
        clearTimeout(resting.current);
        if (event.pointerType === 'mouse') resting.current = setTimeout(onLikelyOpen, REST_BEFORE_READ_MS);
      }}
      onPointerLeave={() => clearTimeout(resting.current)}
      onPointerDown={(event) => {
        clearTimeout(resting.current);
        if (event.button === 0) onLikelyOpen();
      }}
    >
      <span className="post-item__title">{post.title}</span>
      {(post.date || post.draft || post.locale || post.locales?.length || edited) && (
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
          {edited && (
            <span className="post-item__unsaved" title="Edited, not yet on disk">
              {/* Worded without "save" so the Save button stays the only button whose name has it. */}
              <span className="visually-hidden">, edited</span>
            </span>
          )}
        </span>
      )}
    </button>
  );
}
