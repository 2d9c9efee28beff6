/**
 * The find & replace bar (Ctrl/Cmd+F, Ctrl+H or Cmd+Alt+F): a slim bar over the page. Matches are
 * highlighted in place, "3 of 12" counts them, Enter / Shift+Enter (and F3) step through them,
 * Replace changes the current one and Replace all changes every one as a single undo step.
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useTools, useToolsStore } from '../../commands/tools-state';
import {
  clearPaint,
  domRange,
  matchSegments,
  paintMatches,
  replaceMatches,
  segmentsOf,
  selectMatch,
  type NodeMatch,
} from './find-editor';
import { compileQuery, matchCountLabel, type FindQuery } from './find-matches';
import './find.css';

/** The bar, shown while the tools' `find` is set. */
export function FindBar() {
  const find = useTools((state) => state.find);
  return find ? <OpenFindBar replace={find.replace} opened={find.opened} /> : null;
}

type Options = Omit<FindQuery, 'text'> & { includeCode: boolean };

const RECOUNT_DELAY_MS = 150;

function OpenFindBar({ replace, opened }: { replace: boolean; opened: number }) {
  const [editor] = useLexicalComposerContext();
  const tools = useToolsStore();
  const findStep = useTools((state) => state.findStep);
  const [text, setText] = useState(() => selectedText(editor));
  const [replacement, setReplacement] = useState('');
  const [showReplace, setShowReplace] = useState(replace);
  const [options, setOptions] = useState<Options>({
    matchCase: false,
    wholeWord: false,
    regex: false,
    includeCode: false,
  });
  const [revision, setRevision] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const query: FindQuery = { text, matchCase: options.matchCase, wholeWord: options.wholeWord, regex: options.regex };
  const compiled = compileQuery(query);
  const error = compiled && !compiled.ok ? compiled.message : null;
  const pattern = compiled?.ok ? compiled.pattern : null;
  const searchKey = pattern ? `${pattern.flags}/${pattern.source}/${options.includeCode}` : '';

  // Ctrl+H while the bar is open shows the replace row (adjusting state to a new request, not an effect).
  const [seenOpened, setSeenOpened] = useState(opened);
  if (seenOpened !== opened) {
    setSeenOpened(opened);
    if (replace) setShowReplace(true);
  }

  // Each request (Ctrl+F again included) focuses and selects the field.
  useEffect(() => {
    const input = replace && findRef.current?.value ? replaceRef.current : findRef.current;
    input?.focus();
    input?.select();
  }, [opened, replace]);

  // Edits to the body while the bar is open change the matches: count again after a pause.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => setRevision((value) => value + 1), RECOUNT_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor]);

  const matches = useMemo<NodeMatch[]>(
    () => (pattern ? matchSegments(segmentsOf(editor, options.includeCode), pattern) : []),
    // The pattern is rebuilt every render; its key says when it really changed. `revision` counts edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, searchKey, revision],
  );

  // The current match, numbered within one search: a new search starts again at the first.
  const [cursor, setCursor] = useState({ key: searchKey, index: 0 });
  const current = cursor.key === searchKey ? cursor.index : 0;
  const shown = matches.length === 0 ? null : Math.min(current, matches.length - 1);

  // Scroll to the current match only when the writer moved to it (stepping, a new search), never after an edit.
  const reveal = useRef(true);
  const revealedFor = useRef<string | null>(null);

  // Paint after every change of matches or current.
  useEffect(() => {
    const ranges: Range[] = [];
    let currentRange: Range | null = null;
    matches.forEach((match, index) => {
      const range = domRange(editor, match);
      if (!range) return;
      ranges.push(range);
      if (index === shown) currentRange = range;
    });
    paintMatches(ranges, currentRange);
    const match = shown === null ? undefined : matches[shown];
    if (match && (reveal.current || revealedFor.current !== searchKey)) revealMatch(editor, match);
    reveal.current = false;
    revealedFor.current = searchKey;
  }, [editor, matches, shown, searchKey]);

  useEffect(() => clearPaint, []);

  const step = useCallback(
    (backwards: boolean) => {
      if (matches.length === 0) return;
      reveal.current = true;
      const at = Math.min(current, matches.length - 1);
      setCursor({ key: searchKey, index: (at + (backwards ? -1 : 1) + matches.length) % matches.length });
      setNote(null);
    },
    [matches.length, current, searchKey],
  );

  // F3 / Shift+F3 from anywhere while the bar is open.
  const lastStep = useRef(findStep?.seq ?? 0);
  useEffect(() => {
    if (!findStep || findStep.seq === lastStep.current) return;
    lastStep.current = findStep.seq;
    step(findStep.backwards);
  }, [findStep, step]);

  const close = () => {
    const match = shown === null ? undefined : matches[shown];
    tools.dispatch({ type: 'close-find' });
    clearPaint();
    if (match) selectMatch(editor, match);
    editor.focus();
  };

  const replaceOne = () => {
    if (!pattern || shown === null) return;
    const at = shown;
    replaceMatches(editor, query, pattern, replacement, options.includeCode, at);
    // The next match takes the replaced one's place in the list (or the first, after the last).
    setRevision((value) => value + 1);
    setCursor({ key: searchKey, index: at >= matches.length - 1 ? 0 : at });
  };

  const replaceAll = () => {
    if (!pattern || matches.length === 0) return;
    const count = replaceMatches(editor, query, pattern, replacement, options.includeCode, null);
    setRevision((value) => value + 1);
    setCursor({ key: searchKey, index: 0 });
    // The button is disabled now that nothing matches: keep focus in the bar, not on the page.
    replaceRef.current?.focus();
    setNote(`Replaced ${count === 1 ? '1 match' : `${count} matches`}.`);
  };

  // Escape closes the bar from the page too (focus in the text, or nowhere after a button went disabled).
  const closeRef = useRef(close);
  useEffect(() => {
    closeRef.current = close;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onFindKey = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const onReplaceKey = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) replaceAll();
      else replaceOne();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const toggle = (key: keyof Options, label: string, glyph: string) => (
    <button
      type="button"
      className="find-bar__toggle"
      aria-pressed={options[key]}
      aria-label={label}
      title={label}
      onClick={() => setOptions((before) => ({ ...before, [key]: !before[key] }))}
    >
      {glyph}
    </button>
  );

  const status = error ? 'Invalid' : (note ?? (text === '' ? '' : matchCountLabel(shown, matches.length)));

  return (
    <div className="find-bar" role="search" aria-label="Find and replace">
      <div className="find-bar__row">
        <button
          type="button"
          className="find-bar__expand"
          aria-label={showReplace ? 'Hide replace' : 'Show replace'}
          aria-expanded={showReplace}
          aria-controls={`${id}-replace`}
          onClick={() => setShowReplace((open) => !open)}
        >
          {showReplace ? '▾' : '▸'}
        </button>
        <input
          ref={findRef}
          className="find-bar__input"
          aria-label="Find"
          aria-invalid={error !== null}
          aria-describedby={`${id}-status`}
          placeholder="Find"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setNote(null);
          }}
          onKeyDown={onFindKey}
        />
        {toggle('matchCase', 'Match case', 'Aa')}
        {toggle('wholeWord', 'Whole word', 'ab|')}
        {toggle('regex', 'Regular expression', '.*')}
        <span className="find-bar__status" id={`${id}-status`} role="status" data-error={error ? 'true' : undefined}>
          {status}
        </span>
        <button
          type="button"
          className="find-bar__button"
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          disabled={matches.length === 0}
          onClick={() => step(true)}
        >
          ↑
        </button>
        <button
          type="button"
          className="find-bar__button"
          aria-label="Next match"
          title="Next match (Enter)"
          disabled={matches.length === 0}
          onClick={() => step(false)}
        >
          ↓
        </button>
        <button
          type="button"
          className="find-bar__button"
          aria-label="Close find"
          title="Close (Escape)"
          onClick={close}
        >
          ✕
        </button>
      </div>
      {showReplace && (
        <div className="find-bar__row" id={`${id}-replace`}>
          <span className="find-bar__spacer" />
          <input
            ref={replaceRef}
            className="find-bar__input"
            aria-label="Replace with"
            placeholder="Replace with"
            spellCheck={false}
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
            onKeyDown={onReplaceKey}
          />
          <button type="button" className="button button--small" disabled={matches.length === 0} onClick={replaceOne}>
            Replace
          </button>
          <button type="button" className="button button--small" disabled={matches.length === 0} onClick={replaceAll}>
            Replace all
          </button>
        </div>
      )}
      {error && (
        <p className="find-bar__error" role="alert">
          {error}
        </p>
      )}
      <label className="find-bar__include">
        <input
          type="checkbox"
          checked={options.includeCode}
          onChange={(event) => setOptions((before) => ({ ...before, includeCode: event.target.checked }))}
        />
        Include code and raw blocks
      </label>
    </div>
  );
}

// A short selection on one line becomes the search text, as in every editor.
function selectedText(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return '';
    const text = selection.getTextContent();
    return text.length <= 200 && !text.includes('\n') ? text : '';
  });
}

// Scrolls the page so the match sits in view, centred when it was out of sight.
function revealMatch(editor: LexicalEditor, match: NodeMatch): void {
  const range = domRange(editor, match);
  const element = editor.getElementByKey(match.anchor.key);
  if (!range || !element) return;
  const rect = range.getBoundingClientRect();
  const scroller = element.closest('.page__scroll');
  const view = scroller?.getBoundingClientRect();
  if (view && rect.top >= view.top + 48 && rect.bottom <= view.bottom - 24) return;
  element.scrollIntoView({ block: 'center' });
}
