/**
 * Table editing controls: a slim toolbar above the table while the caret is in it, and the same
 * actions in a context menu on a cell (right-click, the Menu key or Shift+F10). Both act on the
 * cell the caret (or the click) is in, through table-actions.ts.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findCellNode, $getTableColumnIndexFromTableCellNode, $isTableCellNode, $isTableNode } from '@lexical/table';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { $getTableAlign, type TableAlign } from '../../../shared/document';
import { $runTableAction, $selectedCell, TABLE_ACTIONS, type TableAction } from './table-actions';
import './table-tools.css';
import { useFollowLayout } from '../use-follow-layout';

interface CaretInTable {
  table: NodeKey;
  cell: NodeKey;
  align: TableAlign;
}

function sameCaret(a: CaretInTable | null, b: CaretInTable | null): boolean {
  return a === b || (a !== null && b !== null && a.table === b.table && a.cell === b.cell && a.align === b.align);
}

function $caretInTable(): CaretInTable | null {
  const cell = $selectedCell();
  const table = cell ? $findMatchingParent(cell, $isTableNode) : null;
  if (!cell || !$isTableNode(table)) return null;
  const align = $getTableAlign(table)[$getTableColumnIndexFromTableCellNode(cell)] ?? null;
  return { table: table.getKey(), cell: cell.getKey(), align };
}

/** Runs an action on a cell (by key) and returns the caret to the post. */
function runOn(editor: LexicalEditor, action: TableAction, cellKey: NodeKey): void {
  editor.update(() => {
    const cell = $getNodeByKey(cellKey);
    if ($isTableCellNode(cell)) $runTableAction(action, cell);
  });
  editor.focus();
}

const LINES = (offsets: readonly [number, number][]): ReactNode =>
  offsets.map(([from, to], index) => <path key={index} d={`M${from} ${5 + index * 3.5}H${to}`} />);

// Small drawings for the toolbar: rows and columns as boxes with a plus or a cross, alignment as lines.
const GLYPHS: Record<TableAction, ReactNode> = {
  'row-above': (
    <>
      <path d="M4 11h12v5H4z" />
      <path d="M10 3v5M7.5 5.5h5" />
    </>
  ),
  'row-below': (
    <>
      <path d="M4 4h12v5H4z" />
      <path d="M10 12v5M7.5 14.5h5" />
    </>
  ),
  'delete-row': (
    <>
      <path d="M4 7h12v6H4z" />
      <path d="M8 8.5l4 3M12 8.5l-4 3" />
    </>
  ),
  'column-left': (
    <>
      <path d="M11 4h5v12h-5z" />
      <path d="M5.5 7.5v5M3 10h5" />
    </>
  ),
  'column-right': (
    <>
      <path d="M4 4h5v12H4z" />
      <path d="M14.5 7.5v5M12 10h5" />
    </>
  ),
  'delete-column': (
    <>
      <path d="M7 4h6v12H7z" />
      <path d="M8.5 8l3 4M11.5 8l-3 4" />
    </>
  ),
  'align-left': LINES([
    [3, 17],
    [3, 12],
    [3, 15],
    [3, 10],
  ]),
  'align-center': LINES([
    [3, 17],
    [5.5, 14.5],
    [4, 16],
    [6.5, 13.5],
  ]),
  'align-right': LINES([
    [3, 17],
    [8, 17],
    [5, 17],
    [10, 17],
  ]),
  'align-none': (
    <>
      <path d="M4 10h12" strokeDasharray="2 2.2" />
    </>
  ),
  'delete-table': (
    <>
      <path d="M4 5h12v10H4zM4 10h12M10 5v10" />
      <path d="M13 12.5l4 4M17 12.5l-4 4" />
    </>
  ),
};

const GROUPS: readonly (readonly TableAction[])[] = [
  ['row-above', 'row-below', 'delete-row'],
  ['column-left', 'column-right', 'delete-column'],
  ['align-left', 'align-center', 'align-right', 'align-none'],
  ['delete-table'],
];

const labelOf = (action: TableAction): string => TABLE_ACTIONS.find((item) => item.id === action)?.label ?? action;

/** Mounts the table toolbar and the cell context menu. */
export function TableToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const [caret, setCaret] = useState<CaretInTable | null>(null);
  const [menu, setMenu] = useState<{ cell: NodeKey; top: number; left: number } | null>(null);
  const shown = useRef<CaretInTable | null>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read(() => $caretInTable());
          if (!sameCaret(shown.current, next)) {
            shown.current = next;
            setCaret(next);
          }
        }),
        // The Menu key and Shift+F10 open the cell menu from the keyboard, at the caret's cell.
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return false;
            const cell = $selectedCell();
            const rect = cell ? editor.getElementByKey(cell.getKey())?.getBoundingClientRect() : null;
            if (!cell || !rect) return false;
            event.preventDefault();
            setMenu({ cell: cell.getKey(), top: rect.bottom, left: rect.left });
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerRootListener((root) => {
          if (!root) return;
          const onContextMenu = (event: MouseEvent) => {
            const target = event.target as HTMLElement;
            if (!target.closest('td, th')) return;
            const cell = editor.read(() => {
              const node = $getNearestNodeFromDOMNode(target);
              return node ? ($findCellNode(node)?.getKey() ?? null) : null;
            });
            if (!cell) return;
            event.preventDefault();
            // A keyboard-opened menu has no pointer position: open it at the cell.
            const rect =
              event.clientX === 0 && event.clientY === 0 ? target.closest('td, th')?.getBoundingClientRect() : null;
            setMenu({ cell, top: rect ? rect.bottom : event.clientY, left: rect ? rect.left : event.clientX });
          };
          root.addEventListener('contextmenu', onContextMenu);
          return () => root.removeEventListener('contextmenu', onContextMenu);
        }),
      ),
    [editor],
  );

  return (
    <>
      {caret && !menu && <TableToolbar editor={editor} caret={caret} />}
      {menu &&
        createPortal(
          <CellMenu
            top={menu.top}
            left={menu.left}
            align={editor.read(() => {
              const cell = $getNodeByKey(menu.cell);
              const table = cell ? $findMatchingParent(cell, $isTableNode) : null;
              return $isTableCellNode(cell) && $isTableNode(table)
                ? ($getTableAlign(table)[$getTableColumnIndexFromTableCellNode(cell)] ?? null)
                : null;
            })}
            onChoose={(action) => {
              setMenu(null);
              runOn(editor, action, menu.cell);
            }}
            onCancel={() => {
              setMenu(null);
              editor.focus();
            }}
            onDismiss={() => setMenu(null)}
          />,
          document.body,
        )}
    </>
  );
}

function TableToolbar({ editor, caret }: { editor: LexicalEditor; caret: CaretInTable }) {
  const ref = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<TableAction>('row-above');

  // Placed by hand (not through state) so following a scroll costs no React render. It hugs the
  // table's top edge, stays inside the scrolling page, and hides when the table is out of view.
  const place = useCallback(() => {
    const bar = ref.current;
    const wrapper = editor.getElementByKey(caret.table);
    const rect = (wrapper?.querySelector('table') ?? wrapper)?.getBoundingClientRect();
    const root = editor.getRootElement();
    const view = root?.closest('.page__scroll')?.getBoundingClientRect();
    if (!bar) return;
    // Only while the writer is in the post (or in the bar itself), not while typing in a field.
    const active = document.activeElement;
    const here = active !== null && (root?.contains(active) === true || bar.contains(active));
    const visible =
      here && rect !== undefined && (!view || (rect.bottom > view.top + bar.offsetHeight && rect.top < view.bottom));
    bar.style.visibility = visible ? 'visible' : 'hidden';
    if (!rect || !visible) return;
    bar.style.top = `${Math.max(view ? view.top + 4 : 4, rect.top - bar.offsetHeight - 4)}px`;
    bar.style.left = `${Math.max(4, rect.left)}px`;
  }, [editor, caret.table]);

  useFollowLayout(editor, place);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.focus();
      return;
    }
    if (index < 0 || next === undefined) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    target?.focus();
    if (target?.dataset.action) setFocusId(target.dataset.action as TableAction);
  }

  return createPortal(
    <div ref={ref} className="table-toolbar" role="toolbar" aria-label="Table" onKeyDown={onKeyDown}>
      {GROUPS.map((group, index) => (
        <div className="table-toolbar__group" key={index}>
          {group.map((action) => {
            const align = action.startsWith('align-');
            const pressed = align
              ? action === 'align-none'
                ? caret.align === null
                : caret.align === action.slice(6)
              : undefined;
            return (
              <button
                key={action}
                type="button"
                className={`icon-button table-toolbar__button${action.startsWith('delete') ? ' table-toolbar__button--danger' : ''}`}
                data-action={action}
                aria-label={labelOf(action)}
                aria-pressed={pressed}
                title={labelOf(action)}
                tabIndex={action === focusId ? 0 : -1}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => runOn(editor, action, caret.cell)}
              >
                <svg
                  className="icon"
                  width="1.15em"
                  height="1.15em"
                  viewBox="0 0 20 20"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.5"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  aria-hidden="true"
                  focusable="false"
                >
                  {GLYPHS[action]}
                </svg>
              </button>
            );
          })}
        </div>
      ))}
    </div>,
    document.body,
  );
}

interface CellMenuProps {
  top: number;
  left: number;
  align: TableAlign;
  onChoose: (action: TableAction) => void;
  onCancel: () => void;
  onDismiss: () => void;
}

function CellMenu({ top, left, align, onChoose, onCancel, onDismiss }: CellMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });
  // Kept inside the window, measured once it is drawn.
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const rect = menu.getBoundingClientRect();
    menu.style.top = `${Math.max(8, Math.min(top, window.innerHeight - rect.height - 8))}px`;
    menu.style.left = `${Math.max(8, Math.min(left, window.innerWidth - rect.width - 8))}px`;
  }, [top, left]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) dismissRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onCancel();
    } else if (next !== undefined) {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    }
  }

  const item = (action: TableAction) => {
    const isAlign = action.startsWith('align-');
    const checked = isAlign ? (action === 'align-none' ? align === null : align === action.slice(6)) : undefined;
    return (
      <button
        key={action}
        type="button"
        role={isAlign ? 'menuitemradio' : 'menuitem'}
        aria-checked={checked}
        tabIndex={-1}
        className={`cell-menu__item${action.startsWith('delete') ? ' cell-menu__item--danger' : ''}`}
        // The pointer and the keyboard share one highlighted item; only a real move counts (a menu
        // opening under a resting pointer must not take the keyboard's place).
        onPointerMove={(event) => (event.movementX !== 0 || event.movementY !== 0) && event.currentTarget.focus()}
        onClick={() => onChoose(action)}
      >
        <span className="cell-menu__check" aria-hidden="true">
          {checked ? '✓' : ''}
        </span>
        {labelOf(action)}
      </button>
    );
  };

  return (
    <div
      ref={ref}
      className="cell-menu"
      role="menu"
      aria-label="Table cell"
      style={{ top, left }}
      onKeyDown={onKeyDown}
    >
      {GROUPS.map((group, index) => (
        <div role="group" key={index} className="cell-menu__group">
          {group.map(item)}
        </div>
      ))}
    </div>
  );
}
