/**
 * The slim formatting toolbar. One tab stop (arrow keys move between buttons, per the WAI-ARIA
 * toolbar pattern); each button names its action and shortcut and shows whether it is active.
 * From the left: insert ("+" menu, image), the block-type menu, inline formats, lists and quote,
 * undo and redo.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { mergeRegister } from '@lexical/utils';
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { Icon } from '../../app/icons';
import {
  $readSelectionFormats,
  ariaShortcut,
  FORMAT_COMMANDS,
  runFormat,
  shortcutLabel,
  type FormatCommand,
  type FormatId,
  type SelectionFormats,
} from '../format-commands';
import { OPEN_IMAGE_PICKER_COMMAND } from '../images/image-commands';
import { InsertMenuButton } from '../insert/InsertMenuButton';
import { BlockTypeMenu } from './BlockTypeMenu';
import { OPEN_LINK_EDITOR_COMMAND } from './LinkEditorPlugin';
import { ToolbarMoreMenu, useToolbarFit, type OverflowItem } from './ToolbarOverflow';

const NONE: SelectionFormats = { bold: false, italic: false, code: false, link: false, block: 'paragraph' };

// Headings and paragraphs are chosen in the block-type menu, not by buttons of their own.
type ButtonId = Exclude<FormatId, 'paragraph' | 'h1' | 'h2' | 'h3' | 'h4'>;

const GLYPHS: Record<ButtonId, ReactNode> = {
  bold: <span className="toolbar__glyph toolbar__glyph--bold">B</span>,
  italic: <span className="toolbar__glyph toolbar__glyph--italic">I</span>,
  code: <Icon name="code" />,
  link: <Icon name="link" />,
  bullet: <Icon name="bulletList" />,
  number: <Icon name="numberList" />,
  quote: <Icon name="quote" />,
  undo: <Icon name="undo" />,
  redo: <Icon name="redo" />,
};

// Visual groups after the insert and block-type groups; a thin divider separates them.
const GROUPS: ButtonId[][] = [
  ['bold', 'italic', 'code', 'link'],
  ['bullet', 'number', 'quote'],
  ['undo', 'redo'],
];

// A picture in a frame, drawn like the app's other icons.
const IMAGE_GLYPH = (
  <svg
    className="icon"
    width="1.15em"
    height="1.15em"
    viewBox="0 0 20 20"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M3 4.5h14v11H3z M3 13l4-3.5 3 2.5 2.5-2 4.5 4 M13 7.5h.01" />
  </svg>
);

function sameFormats(a: SelectionFormats, b: SelectionFormats): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.link === b.link && a.block === b.block;
}

/** The formatting toolbar above the page. */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const [formats, setFormats] = useState<SelectionFormats>(NONE);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  // The one button in the tab order (data-id of the last focused control).
  const [focusId, setFocusId] = useState<string>('insert');
  const ref = useRef<HTMLDivElement>(null);
  // What the toolbar last rendered, compared outside React so an unchanged keystroke schedules nothing.
  const shown = useRef<SelectionFormats>(NONE);
  // The groups after this many move into the "More formatting" menu (the toolbar never wraps).
  const fit = useToolbarFit(ref, GROUPS.length);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read(() => $readSelectionFormats());
          // Only a change re-renders: setting a fresh object re-rendered the toolbar on every
          // keystroke, and each React commit while the body has focus makes React record the
          // selection by walking the whole contenteditable DOM (getSelectionInformation).
          if (next && !sameFormats(shown.current, next)) {
            shown.current = next;
            setFormats(next);
          }
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  function pressed(id: ButtonId): boolean | undefined {
    switch (id) {
      case 'bold':
      case 'italic':
      case 'code':
      case 'link':
        return formats[id];
      case 'undo':
      case 'redo':
        return undefined;
      default:
        return formats.block === id;
    }
  }

  function run(command: FormatCommand): void {
    if (command.id === 'link') editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
    else runFormat(editor, command.id, formats.block);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []).filter(
      (button) => !button.closest('[hidden], [role="menu"]'),
    );
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (index < 0 || next === undefined) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    target?.focus();
    if (target?.dataset.id) setFocusId(target.dataset.id);
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" ref={ref} onKeyDown={onKeyDown}>
      <div className="toolbar__group">
        <InsertMenuButton tabIndex={focusId === 'insert' ? 0 : -1} onFocus={() => setFocusId('insert')} />
        <button
          type="button"
          className="icon-button toolbar__button"
          data-id="image"
          aria-label="Insert image"
          title="Insert image"
          tabIndex={focusId === 'image' ? 0 : -1}
          onFocus={() => setFocusId('image')}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => editor.dispatchCommand(OPEN_IMAGE_PICKER_COMMAND, undefined)}
        >
          {IMAGE_GLYPH}
        </button>
      </div>
      <div className="toolbar__group">
        <BlockTypeMenu
          block={formats.block}
          tabIndex={focusId === 'block-type' ? 0 : -1}
          onFocus={() => setFocusId('block-type')}
        />
      </div>
      {GROUPS.map((group, groupIndex) => (
        <div className="toolbar__group" key={groupIndex} data-overflow-group="" hidden={groupIndex >= fit}>
          {group.map((id) => {
            const command = FORMAT_COMMANDS.find((item) => item.id === id);
            if (!command) return null;
            const disabled = (id === 'undo' && !canUndo) || (id === 'redo' && !canRedo);
            return (
              <button
                key={id}
                type="button"
                className="icon-button toolbar__button"
                data-id={id}
                aria-label={command.label}
                aria-pressed={pressed(id)}
                aria-keyshortcuts={ariaShortcut(command.shortcut)}
                title={`${command.label} (${shortcutLabel(command.shortcut)})`}
                disabled={disabled}
                tabIndex={id === focusId ? 0 : -1}
                // Keep the editor's selection: the click must not move focus out of the text.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(command)}
              >
                {GLYPHS[id]}
              </button>
            );
          })}
        </div>
      ))}
      {fit < GROUPS.length && (
        <ToolbarMoreMenu
          items={overflowItems(GROUPS.slice(fit).flat())}
          tabIndex={focusId === 'more' ? 0 : -1}
          onFocus={() => setFocusId('more')}
        />
      )}
    </div>
  );

  function overflowItems(ids: ButtonId[]): OverflowItem[] {
    return ids.flatMap((id) => {
      const command = FORMAT_COMMANDS.find((item) => item.id === id);
      if (!command) return [];
      const disabled = (id === 'undo' && !canUndo) || (id === 'redo' && !canRedo);
      return [
        {
          id,
          label: command.label,
          shortcut: shortcutLabel(command.shortcut),
          pressed: pressed(id),
          disabled,
          run: () => run(command),
        },
      ];
    });
  }
}
