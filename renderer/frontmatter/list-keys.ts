/**
 * Stable React keys for the items of an editable list, so an item's inputs (and focus) move with
 * it when the writer reorders, instead of staying at the old index.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

let counter = 0;
const freshKey = (): string => `item-${(counter += 1)}`;

/** Keys for a list plus the edits that keep them in step with the values. */
export interface ListKeys {
  keys: string[];
  add(): string;
  remove(index: number): void;
  move(from: number, to: number): void;
}

/** Tracks one key per list item; re-syncs if the list's length changes from outside. */
export function useListKeys(length: number): ListKeys {
  const [keys, setKeys] = useState<string[]>(() => Array.from({ length }, freshKey));
  let current = keys;
  if (keys.length !== length) {
    current = Array.from({ length }, (_, index) => keys[index] ?? freshKey());
    setKeys(current);
  }
  return {
    keys: current,
    add() {
      const key = freshKey();
      setKeys([...current, key]);
      return key;
    },
    remove(index) {
      setKeys(current.filter((_, i) => i !== index));
    },
    move(from, to) {
      setKeys(moveItem(current, from, to));
    },
  };
}

/** A copy of `items` with the item at `from` moved to `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = items.slice();
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * Moves focus after the next render to the element matching a selector inside `container`: after
 * an add, remove or move the control under the writer's hand may have gone, and focus must not
 * fall back to the page.
 */
export function usePendingFocus(container: RefObject<HTMLElement | null>): (selector: string) => void {
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (pending.current === null) return;
    container.current?.querySelector<HTMLElement>(pending.current)?.focus();
    pending.current = null;
  });
  return (selector) => {
    pending.current = selector;
  };
}
