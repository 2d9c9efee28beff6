/**
 * The formatting commands' table — name and shortcut — and the shortcut helpers: plain data the
 * command registry reads on the first screen, without loading the editor (format-commands.ts runs them).
 */
import { isMac } from '../app/use-global-shortcuts';

/** The kind of block the caret is in, as far as the toolbar cares. */
export type BlockKind = 'paragraph' | HeadingKind | 'bullet' | 'number' | 'check' | 'quote' | 'code' | 'other';

/** The heading levels the block-type menu offers (H5/H6 stay as they were written, but are not offered). */
export type HeadingKind = 'h1' | 'h2' | 'h3' | 'h4';

/** The kinds the toolbar's block-type menu switches between, in menu order. */
export const BLOCK_TYPES: readonly ('paragraph' | HeadingKind)[] = ['paragraph', 'h1', 'h2', 'h3', 'h4'];

/** What the toolbar shows as pressed. */
export interface SelectionFormats {
  bold: boolean;
  italic: boolean;
  code: boolean;
  link: boolean;
  block: BlockKind;
}

/** A key combination; `mod` (Ctrl, or Cmd on macOS) is always part of it. */
export interface Shortcut {
  /** `event.key` for letters; digits are matched by `event.code` so Shift does not change them. */
  key: string;
  shift?: boolean;
  alt?: boolean;
}

/** The identifiers of the toolbar's commands. */
export type FormatId =
  'bold' | 'italic' | 'code' | 'link' | 'paragraph' | HeadingKind | 'bullet' | 'number' | 'quote' | 'undo' | 'redo';

/** One formatting command. `native` shortcuts are handled by Lexical itself and only shown here. */
export interface FormatCommand {
  id: FormatId;
  label: string;
  shortcut: Shortcut;
  native?: boolean;
}

/** Every toolbar command, in toolbar order. */
export const FORMAT_COMMANDS: readonly FormatCommand[] = [
  { id: 'bold', label: 'Bold', shortcut: { key: 'b' }, native: true },
  { id: 'italic', label: 'Italic', shortcut: { key: 'i' }, native: true },
  { id: 'code', label: 'Inline code', shortcut: { key: 'e' } },
  { id: 'link', label: 'Link', shortcut: { key: 'k' } },
  { id: 'paragraph', label: 'Paragraph', shortcut: { key: '0', alt: true } },
  { id: 'h1', label: 'Heading 1', shortcut: { key: '1', alt: true } },
  { id: 'h2', label: 'Heading 2', shortcut: { key: '2', alt: true } },
  { id: 'h3', label: 'Heading 3', shortcut: { key: '3', alt: true } },
  { id: 'h4', label: 'Heading 4', shortcut: { key: '4', alt: true } },
  { id: 'bullet', label: 'Bulleted list', shortcut: { key: '8', shift: true } },
  { id: 'number', label: 'Numbered list', shortcut: { key: '7', shift: true } },
  { id: 'quote', label: 'Quote', shortcut: { key: '9', shift: true } },
  { id: 'undo', label: 'Undo', shortcut: { key: 'z' }, native: true },
  { id: 'redo', label: 'Redo', shortcut: { key: 'z', shift: true }, native: true },
];

/** The shortcut as the writer reads it: `Ctrl+Alt+2`, or `⌘⌥2` on macOS. */
export function shortcutLabel(shortcut: Shortcut): string {
  const key = shortcut.key.toUpperCase();
  if (isMac()) return `⌘${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${key}`;
  return ['Ctrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The shortcut in `aria-keyshortcuts` syntax. */
export function ariaShortcut(shortcut: Shortcut): string {
  return [isMac() ? 'Meta' : 'Control', shortcut.alt && 'Alt', shortcut.shift && 'Shift', shortcut.key.toUpperCase()]
    .filter(Boolean)
    .join('+');
}

/** True when a key event is exactly this shortcut (no extra modifiers). */
export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = isMac() ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod || event.shiftKey !== Boolean(shortcut.shift) || event.altKey !== Boolean(shortcut.alt)) return false;
  if (/^\d$/.test(shortcut.key)) return event.code === `Digit${shortcut.key}`;
  return event.key.toLowerCase() === shortcut.key;
}
