/**
 * The rows × columns picker the insert menu opens for "Table": a grid to sweep with the mouse or
 * the arrow keys (Enter inserts), and number boxes for exact sizes. The table goes where the
 * caret was; Escape or a click outside closes the picker and puts the caret back.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getRoot,
  $getSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { $caretBlock } from '../insert/insert-blocks';
import { OPEN_TABLE_PICKER_COMMAND } from './table-commands';
import { $insertTable, MAX_PICK } from './table-actions';
import './table-tools.css';

interface PickerState {
  selection: BaseSelection | null;
  top: number;
  left: number;
}

/** Where the picker opens: under the caret's block, inside the window. */
function pickerPosition(editor: LexicalEditor): { top: number; left: number } {
  const key = editor.read(() => $caretBlock()?.getKey() ?? null);
  const element = key ? editor.getElementByKey(key) : editor.getRootElement();
  const rect = element?.getBoundingClientRect();
  const top = Math.min((rect?.top ?? 80) + 28, window.innerHeight - 330);
  return { top: Math.max(8, top), left: Math.min(Math.max(8, rect?.left ?? 8), window.innerWidth - 280) };
}

/** A size in words, for the grid's buttons. */
export function sizeLabel(rows: number, columns: number): string {
  return `${rows} ${rows === 1 ? 'row' : 'rows'} by ${columns} ${columns === 1 ? 'column' : 'columns'}`;
}

/** Registers the picker command and shows the picker while it is open. */
export function TablePickerPlugin() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<PickerState | null>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_TABLE_PICKER_COMMAND,
        () => {
          const selection = editor.read(() => $getSelection()?.clone() ?? null);
          setState({ selection, ...pickerPosition(editor) });
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  if (!state) return null;

  function restore(): void {
    const saved = state?.selection ?? null;
    editor.update(
      () => {
        if (saved) $setSelection(saved.clone());
        else if (!$getSelection()) $getRoot().selectEnd();
      },
      { discrete: true },
    );
    editor.focus();
  }

  function insert(rows: number, columns: number): void {
    restore();
    setState(null);
    editor.update(() => {
      $insertTable(rows, columns);
    });
  }

  return createPortal(
    <TablePicker
      top={state.top}
      left={state.left}
      onInsert={insert}
      onCancel={() => {
        restore();
        setState(null);
      }}
      onDismiss={() => setState(null)}
    />,
    document.body,
  );
}

interface TablePickerProps {
  top: number;
  left: number;
  onInsert: (rows: number, columns: number) => void;
  onCancel: () => void;
  onDismiss: () => void;
}

function clamp(value: number, max: number): number {
  return Math.max(1, Math.min(max, Number.isFinite(value) ? Math.round(value) : 1));
}

function TablePicker({ top, left, onInsert, onCancel, onDismiss }: TablePickerProps) {
  const [size, setSize] = useState({ rows: 3, columns: 3 });
  const ref = useRef<HTMLDivElement>(null);
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[data-current="true"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) dismissRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  function move(rows: number, columns: number): void {
    const next = { rows: clamp(rows, MAX_PICK.rows), columns: clamp(columns, MAX_PICK.columns) };
    setSize(next);
    ref.current?.querySelector<HTMLButtonElement>(`[data-size="${next.rows}x${next.columns}"]`)?.focus();
  }

  function onGridKey(event: KeyboardEvent<HTMLDivElement>): void {
    const step: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
    };
    const delta = step[event.key];
    if (!delta) return;
    event.preventDefault();
    move(size.rows + delta[0], size.columns + delta[1]);
  }

  const sizes = Array.from({ length: MAX_PICK.rows * MAX_PICK.columns }, (_, index) => ({
    r: Math.floor(index / MAX_PICK.columns) + 1,
    c: (index % MAX_PICK.columns) + 1,
  }));
  const cells = sizes.map(({ r, c }) => {
    const inside = r <= size.rows && c <= size.columns;
    const current = r === size.rows && c === size.columns;
    return (
      <button
        key={`${r}x${c}`}
        type="button"
        className={`table-picker__cell${inside ? ' table-picker__cell--on' : ''}`}
        data-size={`${r}x${c}`}
        data-current={current}
        aria-label={sizeLabel(r, c)}
        tabIndex={current ? 0 : -1}
        // The pointer and the keyboard share one current size (and one focused square).
        onPointerMove={(event) => (event.movementX !== 0 || event.movementY !== 0) && event.currentTarget.focus()}
        onFocus={() => setSize({ rows: r, columns: c })}
        onClick={() => onInsert(r, c)}
      />
    );
  });

  return (
    <div
      ref={ref}
      className="table-picker"
      role="dialog"
      aria-label="Insert table"
      style={{ top, left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <div
        className="table-picker__grid"
        role="group"
        aria-label="Table size"
        onKeyDown={onGridKey}
        style={{ gridTemplateColumns: `repeat(${MAX_PICK.columns}, 1fr)` }}
      >
        {cells}
      </div>
      <p className="table-picker__caption" aria-live="polite">
        {size.rows} × {size.columns} <span className="table-picker__note">first row is the header</span>
      </p>
      <form
        className="table-picker__exact"
        onSubmit={(event) => {
          event.preventDefault();
          onInsert(size.rows, size.columns);
        }}
      >
        <label>
          Rows
          <input
            className="input"
            type="number"
            min={1}
            max={MAX_PICK.rows * 5}
            value={size.rows}
            onChange={(event) => setSize({ ...size, rows: clamp(Number(event.target.value), MAX_PICK.rows * 5) })}
          />
        </label>
        <label>
          Columns
          <input
            className="input"
            type="number"
            min={1}
            max={MAX_PICK.columns * 3}
            value={size.columns}
            onChange={(event) => setSize({ ...size, columns: clamp(Number(event.target.value), MAX_PICK.columns * 3) })}
          />
        </label>
        <button type="submit" className="button button--small button--primary">
          Insert table
        </button>
      </form>
    </div>
  );
}
