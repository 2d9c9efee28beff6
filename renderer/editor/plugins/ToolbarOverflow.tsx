/**
 * The toolbar never wraps onto a second line: the button groups at its end that do not fit the
 * page's width move, in order, into a "More formatting" menu at its end (the WAI-ARIA menu button
 * pattern: arrow keys move between items, Escape closes and returns focus to the button).
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import './toolbar-overflow.css';

/** One command shown in the overflow menu. */
export interface OverflowItem {
  id: string;
  label: string;
  /** Readable shortcut, e.g. `Ctrl+B`. */
  shortcut?: string;
  /** On/off state for a format, or undefined for a plain action. */
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

// Three dots, drawn like the app's other icons.
const MORE_GLYPH = (
  <svg
    className="icon"
    width="1.15em"
    height="1.15em"
    viewBox="0 0 20 20"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.4"
    strokeLinecap="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M4.5 10h.01 M10 10h.01 M15.5 10h.01" />
  </svg>
);

// Room for the More button before it has been drawn once.
const MORE_FALLBACK_PX = 36;

/**
 * How many of the toolbar's `[data-overflow-group]` children (from the start) fit beside its other
 * children, leaving room for the More button when some do not. Group widths are remembered from
 * when each was last shown, so a hidden group is still counted at its real size.
 */
export function useToolbarFit(toolbarRef: RefObject<HTMLElement | null>, groupCount: number): number {
  const [fit, setFit] = useState(groupCount);
  const widths = useRef<number[]>([]);
  const moreWidth = useRef<number | null>(null);

  useLayoutEffect(() => {
    const toolbar = toolbarRef.current;
    if (!toolbar || typeof ResizeObserver === 'undefined') return;
    const measure = (): void => {
      const gap = parseFloat(getComputedStyle(toolbar).columnGap) || 0;
      const children = Array.from(toolbar.children) as HTMLElement[];
      const groups = children.filter((child) => child.hasAttribute('data-overflow-group'));
      groups.forEach((group, index) => {
        if (!group.hidden) widths.current[index] = group.getBoundingClientRect().width;
      });
      const more = children.find((child) => child.hasAttribute('data-overflow-more'));
      if (more) moreWidth.current = more.getBoundingClientRect().width;
      const fixed = children
        .filter((child) => !child.hasAttribute('data-overflow-group') && !child.hasAttribute('data-overflow-more'))
        .reduce((sum, child) => sum + child.getBoundingClientRect().width + gap, 0);
      const available = toolbar.clientWidth;
      const sizes = groups.map((_, index) => (widths.current[index] ?? 0) + gap);
      const all = sizes.reduce((sum, size) => sum + size, fixed);
      let next = groups.length;
      if (all > available + 0.5) {
        let used = fixed + (moreWidth.current ?? MORE_FALLBACK_PX);
        next = 0;
        while (next < sizes.length && used + (sizes[next] ?? 0) <= available + 0.5) used += sizes[next++] ?? 0;
      }
      setFit((current) => (current === next ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(toolbar);
    for (const child of Array.from(toolbar.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [toolbarRef, groupCount]);

  return Math.min(fit, groupCount);
}

/** The "More formatting" menu button and its menu. */
export function ToolbarMoreMenu({
  items,
  tabIndex,
  onFocus,
}: {
  items: OverflowItem[];
  tabIndex: number;
  onFocus: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; right: number }>({ top: 0, right: 0 });
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  // Under the button, its right edge on the button's: the button sits at the toolbar's end.
  function show(): void {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect) setPosition({ top: rect.bottom + 4, right: Math.max(8, window.innerWidth - rect.right) });
    setOpen(true);
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const entries = Array.from(
      menuRef.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? [],
    );
    const index = entries.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: entries.length - 1 }[event.key];
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (next !== undefined) {
      event.preventDefault();
      entries[(next + entries.length) % entries.length]?.focus();
    }
  }

  return (
    <div className="toolbar__more" data-overflow-more="">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button toolbar__button"
        data-id="more"
        aria-label="More formatting"
        title="More formatting"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        tabIndex={tabIndex}
        onFocus={onFocus}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            show();
          }
        }}
      >
        {MORE_GLYPH}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={id}
          className="block-menu"
          role="menu"
          aria-label="More formatting"
          style={position}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role={item.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.pressed}
              className="block-menu__item"
              disabled={item.disabled}
              tabIndex={-1}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setOpen(false);
                item.run();
              }}
            >
              <span className="block-menu__check" aria-hidden="true">
                {item.pressed ? '✓' : ''}
              </span>
              <span className="block-menu__label">{item.label}</span>
              {item.shortcut && <span className="block-menu__shortcut">{item.shortcut}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
