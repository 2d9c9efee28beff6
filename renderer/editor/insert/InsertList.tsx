/**
 * The insert menu's list: one ARIA listbox used by the toolbar's "+" popup and by the "/" menu,
 * so both look and read the same. The active option is announced through aria-activedescendant
 * on whatever keeps focus (the filter box, or the editor itself for "/").
 */
import { useEffect, useRef } from 'react';
import type { InsertItem } from './insert-items';
import './insert-menu.css';

interface InsertListProps {
  /** The listbox's id; option ids are `${optionIdPrefix}${index}`. */
  id: string;
  optionIdPrefix: string;
  items: readonly InsertItem[];
  active: number;
  onChoose: (item: InsertItem) => void;
  onHover: (index: number) => void;
}

/** Renders the matching insert items as options, the active one highlighted and kept in view. */
export function InsertList({ id, optionIdPrefix, items, active, onChoose, onHover }: InsertListProps) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, items]);

  return (
    <>
      <ul ref={ref} id={id} role="listbox" aria-label="Insert" className="insert-menu__list">
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${optionIdPrefix}${index}`}
            role="option"
            aria-selected={index === active}
            className="insert-menu__option"
            // The editor (or the filter box) keeps focus: a click must not steal it.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => index !== active && onHover(index)}
            onClick={() => onChoose(item)}
          >
            <span className="insert-menu__label">{item.label}</span>
            <span className="insert-menu__hint" aria-hidden="true">
              {item.hint}
            </span>
          </li>
        ))}
      </ul>
      {items.length === 0 && <p className="insert-menu__empty">Nothing matches</p>}
    </>
  );
}
