/**
 * The parts string lists and object lists share: the frame with its "Add to …" button, and each
 * item's Move up / Move down / Remove buttons. One copy keeps their names, which tests and screen
 * reader users rely on, the same in both.
 */
import type { ReactNode } from 'react';
import { Icon } from '../../app/icons';
import type { ListEdits } from '../list-keys';

/** The fieldset around a list's items, named by the field's label, with the add button last. */
export function ListFrame({ label, labelId, bodyRef, onAdd, children }: { label: string; labelId: string; bodyRef: ListEdits['bodyRef']; onAdd: () => void; children: ReactNode }) {
  return (
    <fieldset className="group group--list" aria-labelledby={labelId}>
      <legend className="group__legend">
        <span id={labelId} className="group__title">
          {label}
        </span>
      </legend>
      <div className="list" ref={bodyRef}>
        {children}
        {/* data-action="add" is where focus goes when the last item is removed. */}
        <button type="button" className="button button--small button--quiet list__add" data-action="add" onClick={onAdd}>
          <Icon name="plus" />
          Add to {label}
        </button>
      </div>
    </fieldset>
  );
}

/** Move up, Move down and Remove for item `index`, named after the item (e.g. "Tags 2"). */
export function ListItemControls({ name, index, count, edits }: { name: string; index: number; count: number; edits: ListEdits }) {
  return (
    <>
      {/* data-action lets a move put focus back on the same button once the item has moved. */}
      <button type="button" className="icon-button" data-action="up" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => edits.move(index, index - 1, 'up')}>
        <Icon name="up" />
      </button>
      <button type="button" className="icon-button" data-action="down" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => edits.move(index, index + 1, 'down')}>
        <Icon name="down" />
      </button>
      <button type="button" className="icon-button" aria-label={`Remove ${name}`} onClick={() => edits.remove(index)}>
        <Icon name="close" />
      </button>
    </>
  );
}
