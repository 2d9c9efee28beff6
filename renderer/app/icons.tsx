/** The app's few icons: small inline SVGs drawn with the current text colour, hidden from assistive tech. */
import type { ReactElement } from 'react';

const PATHS = {
  sidebarLeft: 'M3 4h14v12H3z M8 4v12',
  sidebarRight: 'M3 4h14v12H3z M12 4v12',
  branch: 'M6 3v10 M6 13a2 2 0 1 0 0 4a2 2 0 1 0 0-4 M14 7a2 2 0 1 0 0-4a2 2 0 1 0 0 4 M14 7c0 4-8 3-8 6',
  undo: 'M7 5L3 9l4 4 M3 9h9a4 4 0 0 1 0 8H9',
  redo: 'M13 5l4 4-4 4 M17 9H8a4 4 0 0 0 0 8h3',
  bulletList: 'M8 5h9 M8 10h9 M8 15h9 M3.5 5h.01 M3.5 10h.01 M3.5 15h.01',
  numberList: 'M8 5h9 M8 10h9 M8 15h9 M3 4l1-1v4 M3 12.5a1 1 0 1 1 1.6.8L3 15h2',
  quote: 'M4 6h4v4c0 2-1 3-3 4 M11 6h4v4c0 2-1 3-3 4',
  link: 'M8.5 11.5a3 3 0 0 0 4.2 0l2.5-2.5a3 3 0 0 0-4.2-4.2l-.8.8 M11.5 8.5a3 3 0 0 0-4.2 0L4.8 11a3 3 0 0 0 4.2 4.2l.8-.8',
  code: 'M7 6l-4 4 4 4 M13 6l4 4-4 4',
  check: 'M4 10.5l4 4 8-9',
  up: 'M5 12l5-5 5 5',
  down: 'M5 8l5 5 5-5',
  right: 'M8 5l5 5-5 5',
  close: 'M5 5l10 10 M15 5L5 15',
  plus: 'M10 4v12 M4 10h12',
  cloud: 'M6 15h8a3.5 3.5 0 0 0 .5-7A5 5 0 0 0 5 9a3 3 0 0 0 1 6z',
} as const;

/** Names of the available icons. */
export type IconName = keyof typeof PATHS;

/** Draws one icon at 1em (or `size` px). */
export function Icon({ name, size }: { name: IconName; size?: number }): ReactElement {
  return (
    <svg
      className="icon"
      width={size ?? '1.15em'}
      height={size ?? '1.15em'}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
