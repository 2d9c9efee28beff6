/**
 * The link popover: Ctrl/Cmd+K or the toolbar's Link button opens a small form under the selection
 * to add, change or remove a link. The selection is remembered while focus is in the popover and
 * restored before the link is applied.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type BaseSelection,
  type LexicalCommand,
} from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { SelectionAlwaysOnDisplay } from '@lexical/react/LexicalSelectionAlwaysOnDisplay';
import { isSafeUrl, unsafeUrlReason } from '../../../shared/document/safe-url';

/** Opens the link popover for the current selection. */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

/**
 * Normalises what the writer typed into a link target: keeps web, mail and relative links, adds
 * `https://` to a bare domain, and refuses script URLs. Returns null when nothing usable was typed.
 */
export function normalizeLinkUrl(input: string): string | null {
  const url = input.trim();
  if (url === '' || /\s/.test(url) || !isSafeUrl(url)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || /^[/#.?]/.test(url)) return url;
  if (/^[^/]+\.[a-z]{2,}(\/.*)?$/i.test(url)) return `https://${url}`;
  return url;
}

interface PopoverState {
  selection: BaseSelection;
  url: string;
  existing: boolean;
  top: number;
  left: number;
}

/** Registers the open-link command and renders the popover while it is open. */
export function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<PopoverState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_EDITOR_COMMAND,
        () => {
          const found = editor.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return null;
            const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
            return {
              selection: selection.clone(),
              url: $isLinkNode(link) ? link.getURL() : '',
              existing: $isLinkNode(link),
            };
          });
          if (!found) return false;
          setError(null);
          setState({ ...found, ...anchorPosition(editor.getRootElement()) });
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  if (!state) return null;

  function close(refocus = true): void {
    setState(null);
    if (refocus) editor.focus();
  }

  function apply(url: string | null): void {
    if (!state) return;
    const saved = state.selection;
    editor.update(() => {
      $setSelection(saved.clone());
      const selection = $getSelection();
      if (url !== null && $isRangeSelection(selection) && selection.isCollapsed() && !state.existing) {
        // Nothing selected: the address itself becomes the link text.
        selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
      } else {
        $toggleLink(url);
      }
    });
    close();
  }

  return (
    <>
      {/* Keeps the words being linked highlighted while focus is in the popover. */}
      <SelectionAlwaysOnDisplay />
      {createPortal(
        <LinkPopover
          state={state}
          error={error}
          onChangeUrl={(url) => setState({ ...state, url })}
          onSubmit={() => {
            const refused = unsafeUrlReason(state.url.trim());
            const url = normalizeLinkUrl(state.url);
            if (refused !== null) setError(`This address can't be used as a link: ${refused}`);
            else if (url === null)
              setError('Type a web address such as https://example.org, or a path such as /about.');
            else apply(url);
          }}
          onRemove={() => apply(null)}
          onCancel={() => close()}
          onDismiss={() => close(false)}
        />,
        document.body,
      )}
    </>
  );
}

// Just below the selection, kept inside the window.
function anchorPosition(root: HTMLElement | null): { top: number; left: number } {
  const selection = window.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  let rect = range?.getBoundingClientRect();
  if (!rect || (rect.width === 0 && rect.height === 0)) rect = root?.getBoundingClientRect();
  const top = (rect?.bottom ?? 80) + 8;
  const left = Math.min(Math.max(8, rect?.left ?? 8), window.innerWidth - 360);
  return { top, left };
}

interface LinkPopoverProps {
  state: PopoverState;
  error: string | null;
  onChangeUrl: (url: string) => void;
  onSubmit: () => void;
  onRemove: () => void;
  onCancel: () => void;
  /** A click outside: close without pulling focus back from where the writer clicked. */
  onDismiss: () => void;
}

function LinkPopover({ state, error, onChangeUrl, onSubmit, onRemove, onCancel, onDismiss }: LinkPopoverProps) {
  const inputId = useId();
  const ref = useRef<HTMLFormElement>(null);
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });

  useEffect(() => {
    ref.current?.querySelector('input')?.select();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) dismissRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  function submit(event: FormEvent): void {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form
      ref={ref}
      className="link-popover"
      role="dialog"
      aria-label={state.existing ? 'Edit link' : 'Add link'}
      style={{ top: state.top, left: state.left }}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={inputId} className="link-popover__label">
        Link URL
      </label>
      <input
        id={inputId}
        className="input"
        type="text"
        inputMode="url"
        spellCheck={false}
        placeholder="https://"
        value={state.url}
        aria-invalid={error !== null || undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(event) => onChangeUrl(event.target.value)}
      />
      {error && (
        <p id={`${inputId}-error`} className="link-popover__error" role="alert">
          {error}
        </p>
      )}
      <div className="link-popover__actions">
        {state.existing && (
          <button type="button" className="button button--small" onClick={onRemove}>
            Remove link
          </button>
        )}
        <span className="link-popover__spacer" />
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--small button--primary">
          Apply link
        </button>
      </div>
    </form>
  );
}
