/** The frame of a one-control field: its visible label above whatever edits the value. */
import type { ReactNode } from 'react';

/**
 * The label carries `labelId` so the control's `aria-labelledby` can put a group's name in front
 * of it (see useFieldIds); `htmlFor` keeps a click on the label focusing the control.
 */
export function LabelledField({ id, labelId, label, children }: { id: string; labelId: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" id={labelId} htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}
