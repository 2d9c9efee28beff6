/**
 * "Add to …" for a list of typed items: a menu button listing the types. Arrow keys move through
 * the menu, Escape closes it and returns focus to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../app/icons';

/** Offers the list's types; `onPick` adds an item of the chosen one. */
export function AddTypeMenu<T extends { name: string; label: string }>({
  label,
  types,
  onPick,
}: {
  label: string;
  types: readonly T[];
  onPick: (type: T) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const current = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      entries[(current + step + entries.length) % entries.length]?.focus();
    }
  };

  return (
    <div className="add-menu">
      <button
        ref={buttonRef}
        type="button"
        data-action="add"
        className="button button--small button--quiet list__add"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen(!open)}
      >
        <Icon name="plus" />
        Add to {label}
      </button>
      {open && (
        <div
          className="add-menu__list"
          role="menu"
          id={`${id}-menu`}
          aria-label={`Add to ${label}`}
          ref={menuRef}
          onKeyDown={onKeyDown}
        >
          {types.map((type) => (
            <button
              key={type.name}
              type="button"
              role="menuitem"
              className="add-menu__item"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                onPick(type);
              }}
            >
              {type.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
