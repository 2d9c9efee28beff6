/**
 * Accelerators in Electron's syntax (`CmdOrCtrl+Shift+P`) — the one notation the menu, the command
 * registry and the shortcuts sheet share — read, matched against key events, and shown to the writer.
 */

/** An accelerator taken apart. `mod` is Cmd on macOS and Ctrl elsewhere. */
export interface Chord {
  mod: boolean;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  /** The key: a lower-case letter, a digit, a named key (`Enter`, `F3`) or a punctuation character. */
  key: string;
}

/** Reads an accelerator such as `CmdOrCtrl+Shift+Enter` or `Cmd+Alt+F`. */
export function parseAccelerator(accelerator: string, mac: boolean): Chord {
  const chord: Chord = { mod: false, ctrl: false, meta: false, alt: false, shift: false, key: '' };
  // The key itself may be '+': split on '+' only between parts.
  const parts = accelerator.split(/\+(?!$)/);
  for (const part of parts.slice(0, -1)) {
    switch (part) {
      case 'CmdOrCtrl':
      case 'CommandOrControl':
        chord.mod = true;
        break;
      case 'Cmd':
      case 'Command':
        if (mac) chord.mod = true;
        else chord.meta = true;
        break;
      case 'Ctrl':
      case 'Control':
        if (mac) chord.ctrl = true;
        else chord.mod = true;
        break;
      case 'Alt':
      case 'Option':
        chord.alt = true;
        break;
      case 'Shift':
        chord.shift = true;
        break;
      default:
        throw new Error(`Masthead: unknown modifier “${part}” in accelerator “${accelerator}”.`);
    }
  }
  const key = parts[parts.length - 1] ?? '';
  chord.key = key.length === 1 ? key.toLowerCase() : key;
  return chord;
}

/** The subset of a KeyboardEvent matching needs. */
export type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** True when `event` is exactly `chord` (no extra modifiers). */
export function matchesChord(event: KeyEventLike, chord: Chord, mac: boolean): boolean {
  const wantCtrl = chord.ctrl || (chord.mod && !mac);
  const wantMeta = chord.meta || (chord.mod && mac);
  if (
    event.ctrlKey !== wantCtrl ||
    event.metaKey !== wantMeta ||
    event.altKey !== chord.alt ||
    event.shiftKey !== chord.shift
  )
    return false;
  // Digits and letters by their physical key: Shift and Alt change `key` (Shift+7 is '&', Alt+F is 'ƒ' on macOS).
  if (/^\d$/.test(chord.key)) return event.code === `Digit${chord.key}`;
  if (/^[a-z]$/.test(chord.key))
    return event.code === `Key${chord.key.toUpperCase()}` || event.key.toLowerCase() === chord.key;
  if (chord.key === '/') return event.key === '/' || event.code === 'Slash';
  return event.key === chord.key;
}

/** True when `event` is the accelerator. */
export function matchesAccelerator(event: KeyEventLike, accelerator: string, mac: boolean): boolean {
  return matchesChord(event, parseAccelerator(accelerator, mac), mac);
}

const MAC_KEYS: Record<string, string> = {
  Enter: '↩',
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Backspace: '⌫',
  Tab: '⇥',
};

/** The accelerator as the writer reads it: `Ctrl+Shift+Enter`, or `⇧⌘↩` on macOS. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  const chord = parseAccelerator(accelerator, mac);
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  if (mac) {
    return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.mod ? '⌘' : ''}${MAC_KEYS[key] ?? key}`;
  }
  return [chord.mod && 'Ctrl', chord.meta && 'Meta', chord.alt && 'Alt', chord.shift && 'Shift', key]
    .filter(Boolean)
    .join('+');
}

/** The accelerator in `aria-keyshortcuts` syntax (`Control+Shift+Enter`). */
export function ariaKeys(accelerator: string, mac: boolean): string {
  const chord = parseAccelerator(accelerator, mac);
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  const control = chord.ctrl || (chord.mod && !mac);
  const meta = chord.meta || (chord.mod && mac);
  return [control && 'Control', meta && 'Meta', chord.alt && 'Alt', chord.shift && 'Shift', key]
    .filter(Boolean)
    .join('+');
}
