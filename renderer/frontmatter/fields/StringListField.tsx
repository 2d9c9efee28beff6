/** A list of strings (tags, keywords): edit, add, remove and reorder items. */
import { useFieldIds, type FieldProps } from '../field-props';
import { useListEdits } from '../list-keys';
import { ListFrame, ListItemControls } from './ListItemControls';

// After an add or remove, the writer keeps typing in an item's text box.
const FOCUS = { afterAdd: ['input'], afterRemove: 'input' };

/** Edits an array of strings. */
export function StringListField({ spec, value, onChange }: FieldProps<'string-list'>) {
  const { labelId } = useFieldIds(undefined);
  const items = Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : String(item))) : [];
  const edits = useListEdits(items, onChange, FOCUS);
  const name = (index: number) => `${spec.label} ${index + 1}`;

  return (
    <ListFrame label={spec.label} labelId={labelId} bodyRef={edits.bodyRef} onAdd={() => edits.add('')}>
      {items.map((item, index) => (
        <div className="list__row" key={edits.keys[index]} data-key={edits.keys[index]}>
          <input className="input" type="text" aria-label={name(index)} value={item} onChange={(event) => onChange(items.map((old, i) => (i === index ? event.target.value : old)))} />
          <ListItemControls name={name(index)} index={index} count={items.length} edits={edits} />
        </div>
      ))}
    </ListFrame>
  );
}
