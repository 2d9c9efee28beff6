/**
 * The toolbar's block-type menu: Paragraph and Heading 1–4, the current one ticked, each with its
 * shortcut. A menu button (Enter, Space or ↓ opens it; arrows move; Escape closes) that puts the
 * caret back in the post after a choice.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $setSelection, $getSelection, type BaseSelection } from 'lexical';
import { Icon } from '../../app/icons';
import {
  $setBlockType,
  BLOCK_TYPES,
  FORMAT_COMMANDS,
  shortcutLabel,
  type BlockKind,
  type HeadingKind,
} from '../format-commands';
import '../insert/toolbar-menus.css';

type BlockType = 'paragraph' | HeadingKind;

const labelOf = (kind: BlockType): string => FORMAT_COMMANDS.find((command) => command.id === kind)?.label ?? kind;

const OTHER_LABELS: Partial<Record<BlockKind, string>> = {
  bullet: 'Bulleted list',
  number: 'Numbered list',
  check: 'Task list',
  quote: 'Quote',
  code: 'Code block',
};

/** What the button says for the block the caret is in (a table, raw source or H5 is "Other block"). */
export function blockTypeLabel(block: BlockKind): string {
  if ((BLOCK_TYPES as readonly string[]).includes(block)) return labelOf(block as BlockType);
  return OTHER_LABELS[block] ?? 'Other block';
}

/** The block-type menu button. */
export function BlockTypeMenu({
  block,
  tabIndex,
  onFocus,
}: {
  block: BlockKind;
  tabIndex: number;
  onFocus?: () => void;
}) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState<{
    selection: BaseSelection | null;
    top: number;
    left: number;
    focus: 'first' | 'last';
  } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  function show(focus: 'first' | 'last' = 'first'): void {
    const rect = buttonRef.current?.getBoundingClientRect();
    const selection = editor.read(() => $getSelection()?.clone() ?? null);
    setOpen({ selection, top: (rect?.bottom ?? 40) + 4, left: rect?.left ?? 8, focus });
  }

  function back(run?: () => void): void {
    const saved = open?.selection ?? null;
    setOpen(null);
    editor.update(() => {
      if (saved) $setSelection(saved.clone());
      run?.();
    });
    editor.focus();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="toolbar__menu-button"
        data-id="block-type"
        aria-label={`Block type: ${blockTypeLabel(block)}`}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        title="Block type"
        tabIndex={tabIndex}
        onFocus={onFocus}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (open ? setOpen(null) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            show(event.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      >
        <span className="toolbar__menu-label">{blockTypeLabel(block)}</span>
        <Icon name="down" size={12} />
      </button>
      {open &&
        createPortal(
          <BlockMenu
            top={open.top}
            left={open.left}
            current={block}
            focus={open.focus}
            onChoose={(kind) => back(() => $setBlockType(kind))}
            onCancel={() => back()}
            onDismiss={() => setOpen(null)}
            button={buttonRef}
          />,
          document.body,
        )}
    </>
  );
}

interface BlockMenuProps {
  top: number;
  left: number;
  current: BlockKind;
  focus: 'first' | 'last';
  onChoose: (kind: BlockType) => void;
  onCancel: () => void;
  onDismiss: () => void;
  button: RefObject<HTMLElement | null>;
}

function BlockMenu({ top, left, current, focus, onChoose, onCancel, onDismiss, button }: BlockMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });
  useEffect(() => {
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);
    const checked = items.find((item) => item.getAttribute('aria-checked') === 'true');
    (checked ?? (focus === 'last' ? items[items.length - 1] : items[0]))?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!ref.current?.contains(target) && !button.current?.contains(target)) dismissRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [button, focus]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);
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

  return (
    <div
      ref={ref}
      className="block-menu"
      role="menu"
      aria-label="Block type"
      style={{ top, left }}
      onKeyDown={onKeyDown}
    >
      {BLOCK_TYPES.map((kind) => {
        const command = FORMAT_COMMANDS.find((item) => item.id === kind);
        return (
          <button
            key={kind}
            type="button"
            role="menuitemradio"
            aria-checked={current === kind}
            tabIndex={-1}
            className={`block-menu__item block-menu__item--${kind}`}
            // The pointer and the keyboard share one highlighted item; only a real move counts (a menu
            // opening under a resting pointer must not take the keyboard's place).
            onPointerMove={(event) => (event.movementX !== 0 || event.movementY !== 0) && event.currentTarget.focus()}
            onClick={() => onChoose(kind)}
          >
            <span className="block-menu__check" aria-hidden="true">
              {current === kind ? '✓' : ''}
            </span>
            <span className="block-menu__label">{labelOf(kind)}</span>
            {command && (
              <kbd className="block-menu__shortcut" aria-hidden="true">
                {shortcutLabel(command.shortcut)}
              </kbd>
            )}
          </button>
        );
      })}
    </div>
  );
}
