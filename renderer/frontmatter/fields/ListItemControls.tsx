/**
 * The parts every list shares: the frame with its label, hint, issues and "Add to …" control, and
 * each item's Move up / Move down / Remove buttons. One copy keeps their names, which tests and
 * screen reader users rely on, the same in every list.
 */
import type { ReactNode } from 'react';
import type { SchemaField } from '../../../shared/content/schema/types';
import { Icon } from '../../app/icons';
import type { ListEdits } from '../list-keys';
import { FieldNotes, RequiredMark, type FieldFrameState } from './FieldFrame';

/** The fieldset around a list's items, named by the field's label, with the add control last. */
export function ListFrame({
  field,
  frame,
  bodyRef,
  add,
  children,
}: {
  field: SchemaField;
  frame: FieldFrameState;
  bodyRef: ListEdits['bodyRef'];
  /** The add control; null when the config does not allow adding. */
  add: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={frame.invalid ? 'group group--list group--invalid' : 'group group--list'}
      aria-labelledby={frame.labelledBy}
      aria-describedby={frame.describedBy()}
      aria-invalid={frame.invalid || undefined}
      aria-required={field.required || undefined}
    >
      <legend className="group__legend">
        <span id={frame.labelId} className="group__title">
          {field.label}
        </span>
        <RequiredMark field={field} />
      </legend>
      <div className="list" ref={bodyRef}>
        <FieldNotes field={field} frame={frame} />
        {children}
        {add}
      </div>
    </fieldset>
  );
}

/** The plain "Add to …" button. data-action="add" is where focus goes when the last item is removed. */
export function AddButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <button type="button" className="button button--small button--quiet list__add" data-action="add" onClick={onAdd}>
      <Icon name="plus" />
      Add to {label}
    </button>
  );
}

/** Move up, Move down and Remove for item `index`, named after the item (e.g. "Tags 2"). */
export function ListItemControls({
  name,
  index,
  count,
  edits,
}: {
  name: string;
  index: number;
  count: number;
  edits: ListEdits;
}) {
  return (
    <>
      {/* data-action lets a move put focus back on the same button once the item has moved. */}
      <button
        type="button"
        className="icon-button"
        data-action="up"
        aria-label={`Move ${name} up`}
        disabled={index === 0}
        onClick={() => edits.move(index, index - 1, 'up')}
      >
        <Icon name="up" />
      </button>
      <button
        type="button"
        className="icon-button"
        data-action="down"
        aria-label={`Move ${name} down`}
        disabled={index === count - 1}
        onClick={() => edits.move(index, index + 1, 'down')}
      >
        <Icon name="down" />
      </button>
      <button type="button" className="icon-button" aria-label={`Remove ${name}`} onClick={() => edits.remove(index)}>
        <Icon name="close" />
      </button>
    </>
  );
}
