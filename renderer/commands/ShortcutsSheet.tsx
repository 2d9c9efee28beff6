/**
 * The keyboard shortcuts sheet (Ctrl/Cmd+/): printed from the command registry, group by group, so
 * it lists exactly the keys the app answers to.
 */
import { Fragment, useEffect, useRef } from 'react';
import { acceleratorLabel, ariaKeys } from './keys';
import { keysOf, sheetSections } from './registry';
import type { AppCommand } from './app-commands';
import { useTools, useToolsStore } from './tools-state';

/** The sheet, open while the tools' `sheet` is set. */
export function ShortcutsSheet({ commands, mac }: { commands: readonly AppCommand[]; mac: boolean }) {
  const open = useTools((state) => state.sheet);
  const tools = useToolsStore();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    if (dialogRef.current?.open) dialogRef.current.close();
    returnTo.current?.focus();
    tools.dispatch({ type: 'sheet', open: false });
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog shortcuts"
      aria-labelledby="shortcuts-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => event.target === dialogRef.current && close()}
    >
      {open && (
        <>
          <div className="shortcuts__head">
            <h2 id="shortcuts-title" className="dialog__title">
              Keyboard shortcuts
            </h2>
            <button type="button" className="button button--quiet button--small" onClick={close} autoFocus>
              Close
            </button>
          </div>
          <div className="shortcuts__sections">
            {sheetSections(commands).map((section) => (
              <section key={section.group} className="shortcuts__section" aria-label={section.group}>
                <h3 className="shortcuts__group">{section.group}</h3>
                <dl className="shortcuts__list">
                  {section.commands.map((command) => (
                    <div key={command.id} className="shortcuts__row">
                      <dt>{command.label}</dt>
                      <dd>
                        {keysOf(command).map((keys, index) => (
                          <Fragment key={keys}>
                            {index > 0 && <span className="shortcuts__or"> or </span>}
                            <kbd title={ariaKeys(keys, mac)}>{acceleratorLabel(keys, mac)}</kbd>
                          </Fragment>
                        ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
          <p className="shortcuts__note">
            In the editor, Tab and Shift+Tab indent and outdent list items. To leave the editor from the keyboard, press
            Escape then Tab, or F6 (Ctrl+F6) to move to the next pane; Shift+F6 goes back.
          </p>
        </>
      )}
    </dialog>
  );
}
