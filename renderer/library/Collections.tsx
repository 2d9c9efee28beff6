/**
 * The library's collections: a compact section that stays small however many collections a site
 * has. Its header names the chosen collection, so the choice shows even when the section is
 * collapsed or the chosen row is scrolled away; the rows scroll inside a capped height, and past a
 * handful a filter field narrows them as you type. One Tab stop, arrow keys between rows.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CollectionId, CollectionSummary, RepoFolder } from '../../shared/api';
import { Icon } from '../app/icons';
import { filterCollections } from './filter-collections';
import { targetIndex } from './list-keys';

/** From how many collections on the section offers a filter field. */
export const FILTER_FROM = 9;

/** Props of Collections. */
export interface CollectionsProps {
  collections: readonly CollectionSummary[];
  /** How many posts "All posts" holds; null while they load. */
  total: number | null;
  /** The chosen collection's id; null for all posts. */
  selected: CollectionId | null;
  onSelect(id: CollectionId | null): void;
  expanded: boolean;
  onExpandedChange(expanded: boolean): void;
}

interface Row {
  id: CollectionId | null;
  label: string;
  count: number | null;
  folder: RepoFolder | null;
}

/** The collections section of the library pane. */
export function Collections({ collections, total, selected, onSelect, expanded, onExpandedChange }: CollectionsProps) {
  const [filter, setFilter] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const bodyId = useId();
  const filterable = collections.length >= FILTER_FROM;
  const chosen = collections.find((item) => item.id === selected) ?? null;

  const matches = filterable ? filterCollections(collections, filter) : collections;
  const rows: Row[] = [
    ...(filter.trim() === '' ? [{ id: null, label: 'All posts', count: total, folder: null }] : []),
    ...matches.map((item) => ({ id: item.id, label: item.label, count: item.postCount, folder: item.folder })),
  ];
  // The chosen row is the Tab stop; when the filter hides it, the first row is.
  const tabStop = Math.max(
    0,
    rows.findIndex((row) => row.id === selected),
  );

  // The chosen row is scrolled into view when the section opens and after a choice.
  useEffect(() => {
    if (!expanded) return;
    listRef.current?.querySelector<HTMLElement>('[aria-pressed="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, selected]);

  function buttons(): HTMLButtonElement[] {
    return Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
  }

  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const all = buttons();
    const index = all.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    if (event.key === 'ArrowUp' && index === 0 && filterable) {
      event.preventDefault();
      filterRef.current?.focus();
      return;
    }
    const list = listRef.current;
    const rowHeight = all[0]?.offsetHeight || 28;
    const next = targetIndex(event.key, index, all.length, list ? list.clientHeight / rowHeight - 1 : 1);
    if (next === null) return;
    event.preventDefault();
    all[next]?.focus();
  }

  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'Enter') {
      // Enter takes the first collection that matches, as in a quick-open box.
      event.preventDefault();
      const first = matches[0];
      if (filter.trim() !== '' && first) {
        onSelect(first.id);
        setFilter('');
      }
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      setFilter('');
    }
  }

  return (
    <div className="collections">
      <div className="collections__header">
        <button
          type="button"
          className="collections__toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => onExpandedChange(!expanded)}
        >
          <Icon name={expanded ? 'down' : 'right'} />
          Collections
        </button>
        <span className="collections__current" title={chosen?.folder ?? undefined}>
          <span className="visually-hidden">Showing </span>
          {chosen ? chosen.label : 'All posts'}
        </span>
      </div>
      <div id={bodyId} className="collections__body" hidden={!expanded}>
        {expanded && filterable && (
          <div className="collections__filter">
            <input
              ref={filterRef}
              className="input collections__filter-input"
              type="search"
              aria-label="Filter collections"
              placeholder={`Filter ${collections.length} collections`}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={onFilterKeyDown}
            />
          </div>
        )}
        {expanded && (
          <div
            className="collections__list"
            role="group"
            aria-label="Collections"
            ref={listRef}
            onKeyDown={onListKeyDown}
          >
            {rows.map((row, index) => (
              <button
                key={row.id ?? '\u0000all'}
                type="button"
                className="library__collection"
                aria-pressed={row.id === selected}
                tabIndex={index === tabStop ? 0 : -1}
                title={row.folder ?? undefined}
                onClick={() => onSelect(row.id)}
              >
                <span className="library__collection-label">{row.label}</span>
                {row.count !== null && (
                  <span className="library__count">
                    {/* Spoken "Blog, 12 posts" rather than one run-on "Blog12". */}
                    <span className="visually-hidden">, </span>
                    {row.count}
                    <span className="visually-hidden"> posts</span>
                  </span>
                )}
              </button>
            ))}
            {rows.length === 0 && (
              <p className="library__note" role="status">
                No collection matches “{filter}”.
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
