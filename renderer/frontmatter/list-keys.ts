/**
 * Stable React keys for the items of an editable list, so an item's inputs (and focus) move with
 * it when the writer reorders, instead of staying at the old index.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { JsonValue } from '../../shared/api';

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

/** Where focus goes inside an item after it is added or its neighbour is removed. */
export interface ListFocus {
  /** Selectors (inside the new item) tried for the control to type into after an add. */
  afterAdd: readonly string[];
  /** Selector (inside the item that takes the removed one's place) to focus after a remove. */
  afterRemove: string;
}

/** The edits a list field offers, each keeping keys, values and focus in step. */
export interface ListEdits {
  keys: string[];
  /** The element holding the items and the add button; focus targets are looked up inside it. */
  bodyRef: RefObject<HTMLDivElement | null>;
  /** Moves an item; focus goes to its move button, or to `focus` (a selector inside the item). */
  move(index: number, to: number, direction: 'up' | 'down', focus?: string): void;
  remove(index: number): void;
  /** Appends an item and returns its key. */
  add(item: JsonValue): string;
}

/**
 * Add, remove and move for a list field. String and object lists differ only in their items and in
 * which control takes focus, so both share this one version of the key and focus bookkeeping.
 */
export function useListEdits(
  items: readonly JsonValue[],
  onChange: (next: JsonValue[]) => void,
  focus: ListFocus,
): ListEdits {
  const list = useListKeys(items.length);
  const bodyRef = useRef<HTMLDivElement>(null);
  // After add/remove/move, focus lands on the same item (or its neighbour) instead of the page.
  const setFocusTarget = usePendingFocus(bodyRef);
  return {
    keys: list.keys,
    bodyRef,
    move(index, to, direction, focus) {
      if (to < 0 || to >= items.length) return;
      const key = list.keys[index];
      list.move(index, to);
      onChange(moveItem(items, index, to));
      // At either end the button just pressed is disabled, so focus its partner instead.
      const edge = to === 0 || to === items.length - 1;
      const button = edge ? (direction === 'up' ? 'down' : 'up') : direction;
      setFocusTarget(`[data-key="${key}"] ${focus ?? `[data-action="${button}"]`}`);
    },
    remove(index) {
      const nextKey = list.keys[index + 1] ?? list.keys[index - 1];
      list.remove(index);
      onChange(items.filter((_, i) => i !== index));
      setFocusTarget(nextKey ? `[data-key="${nextKey}"] ${focus.afterRemove}` : '[data-action="add"]');
    },
    add(item) {
      const key = list.add();
      onChange([...items, item]);
      setFocusTarget(focus.afterAdd.map((selector) => `[data-key="${key}"] ${selector}`).join(', '));
      return key;
    },
  };
}
