/**
 * The toolbar's "+" button: opens the insert menu under itself, with a filter box that keeps
 * focus (a combobox over the listbox: arrow keys move, typing filters, Enter inserts). Escape or
 * a click outside closes it and puts the caret back where it was in the post.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $setSelection, type BaseSelection } from 'lexical';
import { Icon } from '../../app/icons';
import { InsertList } from './InsertList';
import { filterInsertItems, INSERT_ITEMS, type InsertItem } from './insert-items';

interface OpenState {
  selection: BaseSelection | null;
  top: number;
  left: number;
}

/** The "+" toolbar button and its insert popup. */
export function InsertMenuButton({ tabIndex, onFocus }: { tabIndex: number; onFocus?: () => void }) {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<OpenState | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  function toggle(): void {
    if (state) return close();
    const rect = buttonRef.current?.getBoundingClientRect();
    const selection = editor.read(() => $getSelection()?.clone() ?? null);
    setState({ selection, top: (rect?.bottom ?? 40) + 6, left: Math.min(rect?.left ?? 8, window.innerWidth - 300) });
  }

  // Back to the post with the caret where it was.
  function restore(): void {
    const saved = state?.selection ?? null;
    // Committed at once: the chosen item (Image, say) may read the editor's committed selection.
    editor.update(
      () => {
        if (saved) $setSelection(saved.clone());
        else if (!$getSelection()) $getRoot().selectEnd();
      },
      { discrete: true },
    );
    editor.focus();
  }

  function close(): void {
    restore();
    setState(null);
  }

  function choose(item: InsertItem): void {
    restore();
    setState(null);
    item.run(editor);
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button toolbar__button"
        data-id="insert"
        aria-label="Insert"
        aria-haspopup="dialog"
        aria-expanded={state !== null}
        title="Insert (or type / on an empty line)"
        tabIndex={tabIndex}
        onFocus={onFocus}
        onMouseDown={(event) => event.preventDefault()}
        onClick={toggle}
      >
        <Icon name="plus" />
      </button>
      {state &&
        createPortal(
          <InsertPopup
            top={state.top}
            left={state.left}
            onChoose={choose}
            onCancel={close}
            onDismiss={() => setState(null)}
            button={buttonRef}
          />,
          document.body,
        )}
    </>
  );
}

interface InsertPopupProps {
  top: number;
  left: number;
  onChoose: (item: InsertItem) => void;
  onCancel: () => void;
  /** A click elsewhere: close without pulling focus back from where the writer clicked. */
  onDismiss: () => void;
  button: RefObject<HTMLElement | null>;
}

function InsertPopup({ top, left, onChoose, onCancel, onDismiss, button }: InsertPopupProps) {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });
  const items = filterInsertItems(INSERT_ITEMS, filter);
  const current = Math.min(active, items.length - 1);

  useEffect(() => {
    ref.current?.querySelector('input')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      // The "+" button toggles the popup itself.
      if (!ref.current?.contains(target) && !button.current?.contains(target)) dismissRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [button]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: current >= last ? 0 : current + 1,
      ArrowUp: current <= 0 ? last : current - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key] as number);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[current];
      if (item) onChoose(item);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <div ref={ref} className="insert-menu insert-menu--popup" role="dialog" aria-label="Insert" style={{ top, left }}>
      <input
        className="input insert-menu__filter"
        type="text"
        role="combobox"
        aria-label="Find a block to insert"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${id}-option-${current}` : undefined}
        placeholder="Filter…"
        spellCheck={false}
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <InsertList
        id={`${id}-list`}
        optionIdPrefix={`${id}-option-`}
        items={items}
        active={current}
        onChoose={onChoose}
        onHover={setActive}
      />
    </div>
  );
}
