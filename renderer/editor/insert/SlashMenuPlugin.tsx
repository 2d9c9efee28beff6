/**
 * "/" at the start of an empty paragraph opens the insert menu at the caret (Lexical's typeahead
 * menu: arrow keys, Enter or Tab to choose, Escape to close). What follows the "/" filters the
 * list, and the "/" and filter text are removed when an item is chosen. Escape leaves the typed
 * text alone and keeps the menu closed for that paragraph until it no longer starts with "/".
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import {
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  COMMAND_PRIORITY_HIGH,
  KEY_ESCAPE_COMMAND,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { InsertList } from './InsertList';
import { filterInsertItems, INSERT_ITEMS, type InsertItem } from './insert-items';

class InsertOption extends MenuOption {
  constructor(readonly item: InsertItem) {
    super(item.id);
  }
}

// What may follow the "/": a short filter of letters, digits, spaces and a few marks.
const QUERY = /^\/([\p{L}\p{N}][\p{L}\p{N} /-]{0,30})?$/u;

/**
 * Reads the paragraph under the caret as a "/" command: it must be a top-level paragraph whose
 * whole text is "/" plus a filter, with the caret at its end. Runs inside a read.
 */
function $slashQuery(text: string): { key: string; query: string } | null {
  if (text[0] !== '/') return null;
  const match = QUERY.exec(text);
  if (!match) return null;
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const paragraph = selection.anchor.getNode().getParent();
  if (!$isParagraphNode(paragraph) || !$isRootNode(paragraph.getParent())) return null;
  if (paragraph.getTextContent() !== text) return null;
  return { key: paragraph.getKey(), query: match[1] ?? '' };
}

/** Mounts the "/" insert menu. */
export function SlashMenuPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  // The paragraph whose menu the writer closed with Escape: it stays closed while they type on.
  const dismissed = useRef<string | null>(null);
  const open = useRef<string | null>(null);
  // Whether the latest keystroke asked for the menu. Lexical opens it in a React transition but
  // closes it at once, so on a busy machine an opening can land after the key that closed it.
  const wanted = useRef(false);
  const isWanted = useCallback(() => wanted.current, []);

  const options = useMemo(
    () => filterInsertItems(INSERT_ITEMS, query ?? '').map((item) => new InsertOption(item)),
    [query],
  );

  const $triggerFn = useCallback((text: string): MenuTextMatch | null => {
    // The typeahead plugin calls this inside its own read of the editor state.

    wanted.current = false;
    const found = $slashQuery(text);
    if (!found) {
      dismissed.current = null;
      open.current = null;
      return null;
    }
    // Nothing to offer (a path such as "/usr/bin" being typed): no menu in the way.
    if (dismissed.current === found.key || filterInsertItems(INSERT_ITEMS, found.query).length === 0) return null;
    open.current = found.key;
    wanted.current = true;
    return { leadOffset: 0, matchingString: found.query, replaceableString: text };
  }, []);

  useEffect(() => {
    // Lexical adds its (still empty) anchor to the page at once, marked as a listbox: an empty
    // listbox would be announced to screen readers, so it is plain until the menu opens.
    for (const anchor of document.querySelectorAll('.insert-menu__anchor')) {
      anchor.removeAttribute('role');
      anchor.removeAttribute('aria-label');
    }
  }, []);

  useEffect(
    () =>
      // Escape on an open menu: remember the paragraph so the menu does not reopen on the next key.
      editor.registerRootListener((root) => {
        if (!root) return;
        const onKeyDown = (event: KeyboardEvent) => {
          if (event.key === 'Escape' && open.current) dismissed.current = open.current;
        };
        root.addEventListener('keydown', onKeyDown, true);
        return () => root.removeEventListener('keydown', onKeyDown, true);
      }),
    [editor],
  );

  // Lexical calls this inside its update.
  // eslint-disable-next-line @lexical/rules-of-lexical
  const onSelectOption = useCallback(
    (option: InsertOption, textNode: TextNode | null, closeMenu: () => void) => {
      // The "/" and the filter text go; an empty paragraph is left for the item to fill or replace.
      // The whole paragraph is the command, so it is emptied rather than trusting the split text
      // node: after fast typing that split can lag the text by a few letters.
      const selection = $getSelection();
      const paragraph = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
      if ($isParagraphNode(paragraph) && paragraph.getTextContent().startsWith('/')) {
        paragraph.clear();
        paragraph.select();
      } else textNode?.remove();
      closeMenu();
      // Once this update is committed: an item such as Image reads the committed selection.
      queueMicrotask(() => option.item.run(editor));
    },
    [editor],
  );

  return (
    <LexicalTypeaheadMenuPlugin<InsertOption>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={$triggerFn}
      commandPriority={COMMAND_PRIORITY_HIGH}
      anchorClassName="insert-menu__anchor"
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current
          ? createPortal(
              <SlashMenu
                editor={editor}
                isWanted={isWanted}
                container={anchor.current}
                items={options.map((option) => option.item)}
                active={selectedIndex ?? 0}
                onChoose={(item) => {
                  const option = options.find((candidate) => candidate.item === item);
                  if (option) selectOptionAndCleanUp(option);
                }}
                onHover={setHighlightedIndex}
              />,
              anchor.current,
            )
          : null
      }
    />
  );
}

function SlashMenu(props: {
  editor: LexicalEditor;
  isWanted: () => boolean;
  container: HTMLElement;
  items: InsertItem[];
  active: number;
  onChoose: (item: InsertItem) => void;
  onHover: (index: number) => void;
}) {
  const { container, editor, isWanted } = props;
  useEffect(() => {
    // A late opening after the key that closed it: close it again once the menu's own key
    // handlers are registered (they are, by the time this microtask runs).
    queueMicrotask(() => {
      if (!isWanted()) editor.dispatchCommand(KEY_ESCAPE_COMMAND, new KeyboardEvent('keydown', { key: 'Escape' }));
    });
  }, [editor, isWanted]);
  useEffect(() => {
    // Lexical makes its anchor a listbox too; the list inside is the one listbox people meet.
    const frame = requestAnimationFrame(() => {
      container.removeAttribute('role');
      container.removeAttribute('aria-label');
    });
    return () => cancelAnimationFrame(frame);
  }, [container]);
  return (
    <div className="insert-menu insert-menu--slash">
      <InsertList
        id="insert-menu-slash"
        optionIdPrefix="typeahead-item-"
        items={props.items}
        active={props.active}
        onChoose={props.onChoose}
        onHover={props.onHover}
      />
    </div>
  );
}
