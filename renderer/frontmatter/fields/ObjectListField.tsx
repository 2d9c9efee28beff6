/**
 * A list of small objects (e.g. `category: [{value, label}]`): each item is a group of its own
 * fields; items can be added, removed and reordered. Keys an item has beyond the inferred ones are kept.
 */
import type { FrontMatterData } from '../../../shared/api';
import { isObject } from '../../../shared/content/fields';
import { useFieldIds, type FieldProps } from '../field-props';
import { useListEdits } from '../list-keys';
import { ListFrame, ListItemControls } from './ListItemControls';
import { ObjectFields } from './ObjectFields';

// An added item's first field takes focus; after a remove, the next item's Remove does, so the
// writer can remove several in a row.
const FOCUS = { afterAdd: ['input', 'textarea'], afterRemove: '[aria-label^="Remove"]' };

/** Edits an array of flat objects. */
export function ObjectListField({ spec, value, onChange }: FieldProps<'object-list'>) {
  const { id, labelId } = useFieldIds(undefined);
  const items = Array.isArray(value) ? value : [];
  const edits = useListEdits(items, onChange, FOCUS);
  const name = (index: number) => `${spec.label} ${index + 1}`;

  return (
    <ListFrame label={spec.label} labelId={labelId} bodyRef={edits.bodyRef} onAdd={() => edits.add({ ...spec.template })}>
      {items.map((item, index) => {
        const key = edits.keys[index] ?? String(index);
        const itemLabelId = `${id}-${key}`;
        const object: FrontMatterData = isObject(item) ? item : {};
        return (
          <fieldset className="list__item" key={key} data-key={key} aria-labelledby={itemLabelId}>
            <div className="list__item-head">
              <span className="list__item-title" id={itemLabelId}>
                {name(index)}
              </span>
              <ListItemControls name={name(index)} index={index} count={items.length} edits={edits} />
            </div>
            <ObjectFields fields={spec.itemFields} object={object} contextId={itemLabelId} onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))} />
          </fieldset>
        );
      })}
    </ListFrame>
  );
}
