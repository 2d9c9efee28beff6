/**
 * The command palette (Ctrl/Cmd+Shift+P, F1): a search field over a list — every command with its
 * shortcut, or the library's posts (Ctrl/Cmd+P), the post's headings (the outline), the collections
 * or the themes. Arrow keys move, Enter runs, Escape closes; matches are fuzzy, as in code editors.
 */
import {
  Fragment,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { $getNodeByKey, $getRoot, $isElementNode } from 'lexical';
import { $isHeadingNode } from '@lexical/rich-text';
import { acceleratorLabel } from './keys';
import { rankCommands, rankItems } from './registry';
import type { AppCommand, CommandContext } from './app-commands';
import { useTools, type PaletteMode } from './tools-state';

/** One row of the palette. */
interface PaletteItem {
  id: string;
  label: string;
  /** Quiet text after the label: a post's folder, a heading's level, a command's group. */
  detail?: string;
  keys?: string;
  marks: [number, number][];
  run: () => void;
}

const PLACEHOLDERS: Record<PaletteMode, string> = {
  commands: 'Type a command…',
  posts: 'Go to post by title or path…',
  headings: 'Go to heading…',
  collections: 'Show collection…',
  themes: 'Choose a theme…',
};

const TITLES: Record<PaletteMode, string> = {
  commands: 'Command palette',
  posts: 'Go to post',
  headings: 'Outline',
  collections: 'Switch collection',
  themes: 'Theme',
};

/** The palette, open while the tools' `palette` is set. */
export function CommandPalette({ commands, context }: { commands: readonly AppCommand[]; context: CommandContext }) {
  const mode = useTools((state) => state.palette);
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Where focus was, so closing without running anything puts the writer back there.
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (mode && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // Not modal: a modal dialog makes the rest of the page inert, and restyling every element of a
      // 100k-word post for that took seconds. The palette closes as soon as focus leaves it instead.
      if (typeof dialog.show === 'function') dialog.show();
      else dialog.setAttribute('open', '');
    } else if (!mode && dialog.open) dialog.close();
  }, [mode]);

  // Closed here, not in the effect: a command run next may move focus (the find bar), and the
  // dialog's own focus restoring must come before that, not after.
  const close = (restoreFocus: boolean) => {
    if (dialogRef.current?.open) dialogRef.current.close();
    if (restoreFocus) returnTo.current?.focus();
    context.tools.dispatch({ type: 'palette', mode: null });
  };

  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label={mode ? TITLES[mode] : 'Command palette'}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close(true);
      }}
      onBlur={(event) => {
        // Focus went elsewhere (a click on the page, another window): the palette is done.
        if (mode && !dialogRef.current?.contains(event.relatedTarget as Node | null)) close(false);
      }}
    >
      {mode && <PaletteBody key={mode} mode={mode} commands={commands} context={context} close={close} />}
    </dialog>
  );
}

function PaletteBody({
  mode,
  commands,
  context,
  close,
}: {
  mode: PaletteMode;
  commands: readonly AppCommand[];
  context: CommandContext;
  close: (restoreFocus: boolean) => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const items = useMemo(() => paletteItems(mode, query, commands, context), [mode, query, commands, context]);
  const current = Math.min(active, items.length - 1);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    // Close first: the command may open another overlay (the find bar, the publish question) or move focus.
    close(true);
    item.run();
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    const step =
      event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowUp'
          ? -1
          : event.key === 'PageDown'
            ? 8
            : event.key === 'PageUp'
              ? -8
              : 0;
    if (step !== 0 && items.length > 0) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(items.length - 1, current + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[current]);
    }
  };

  return (
    <div className="palette__box">
      <input
        className="palette__input"
        role="combobox"
        aria-label={PLACEHOLDERS[mode].replace('…', '')}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={items[current] ? `${listId}-${current}` : undefined}
        aria-autocomplete="list"
        placeholder={PLACEHOLDERS[mode]}
        value={query}
        autoFocus
        spellCheck={false}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {/* Clicking a row must not take focus from the field (that would close the palette first). */}
      <ul
        className="palette__list"
        role="listbox"
        id={listId}
        aria-label={TITLES[mode]}
        ref={listRef}
        onMouseDown={(event) => event.preventDefault()}
      >
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === current}
            className="palette__item"
            onMouseMove={() => index !== current && setActive(index)}
            onClick={() => choose(item)}
          >
            <span className="palette__label">
              <Marked text={item.label} marks={item.marks} />
              {item.detail && <span className="palette__detail">{item.detail}</span>}
            </span>
            {item.keys && <kbd className="palette__keys">{item.keys}</kbd>}
          </li>
        ))}
      </ul>
      {items.length === 0 && (
        <p className="palette__empty">{mode === 'headings' ? 'This post has no headings yet.' : 'Nothing matches.'}</p>
      )}
    </div>
  );
}

function Marked({ text, marks }: { text: string; marks: [number, number][] }) {
  if (marks.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>{part}</Fragment>
      ))}
    </>
  );
}

function paletteItems(
  mode: PaletteMode,
  query: string,
  commands: readonly AppCommand[],
  context: CommandContext,
): PaletteItem[] {
  switch (mode) {
    case 'commands':
      return rankCommands(commands, query, context).map(({ command, marks }) => ({
        id: command.id,
        label: command.label,
        detail: command.group,
        ...(command.shortcut ? { keys: acceleratorLabel(command.shortcut, context.mac) } : {}),
        marks,
        run: () => command.run(context),
      }));
    case 'posts': {
      const posts = context.workspace.getState().posts ?? [];
      return rankItems(
        posts,
        query,
        (post) => post.title,
        (post) => post.path,
      )
        .slice(0, 100)
        .map(({ item: post, marks }) => ({
          id: post.path,
          label: post.title,
          detail: post.path,
          marks,
          run: () => void context.controller.requestOpen(post.path),
        }));
    }
    case 'headings':
      return rankItems(readHeadings(context), query, (heading) => heading.text).map(({ item: heading, marks }) => ({
        id: heading.key,
        label: heading.text,
        detail: heading.tag.toUpperCase(),
        marks,
        run: () => jumpToHeading(context, heading.key),
      }));
    case 'collections': {
      const collections = context.workspace.getState().repo.collections;
      return rankItems(collections, query, (collection) => collection.label).map(({ item: collection, marks }) => ({
        id: collection.id,
        label: collection.label,
        detail: `${collection.postCount}`,
        marks,
        run: () => {
          const { workspace } = context;
          if (!workspace.getState().libraryOpen) workspace.dispatch({ type: 'toggle-library' });
          context.tools.dispatch({ type: 'show-collection', id: collection.id });
        },
      }));
    }
    case 'themes':
      return rankItems(
        commands.filter((command) => command.id.startsWith('theme-')),
        query,
        (command) => command.label.replace('Theme: ', ''),
      ).map(({ item: command, marks }) => ({
        id: command.id,
        label: command.label.replace('Theme: ', ''),
        marks,
        run: () => command.run(context),
      }));
  }
}

/** A heading of the open post, for the outline. */
interface HeadingEntry {
  key: string;
  tag: string;
  text: string;
}

function readHeadings(context: CommandContext): HeadingEntry[] {
  const editor = context.editor();
  if (!editor) return [];
  return editor.getEditorState().read(() => {
    const headings: HeadingEntry[] = [];
    for (const block of $getRoot().getChildren()) {
      if ($isHeadingNode(block))
        headings.push({
          key: block.getKey(),
          tag: block.getTag(),
          text: block.getTextContent().trim() || '(empty heading)',
        });
    }
    return headings;
  });
}

// Puts the caret at the heading's start and scrolls it to the top of the page.
function jumpToHeading(context: CommandContext, key: string): void {
  const editor = context.editor();
  if (!editor) return;
  editor.update(
    () => {
      const node = $getNodeByKey(key);
      if ($isElementNode(node)) node.selectStart();
    },
    {
      onUpdate: () => {
        editor.getElementByKey(key)?.scrollIntoView({ block: 'start' });
        editor.focus();
      },
    },
  );
}
