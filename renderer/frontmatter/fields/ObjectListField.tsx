/**
 * A list of small objects (e.g. `category: [{value, label}]`): each item is a group of its own
 * fields; items can be added, removed and reordered. Keys an item has beyond the inferred ones are kept.
 */
import { useRef } from 'react';
import type { FrontMatterData, JsonValue } from '../../../shared/api';
import { isObject } from '../../../shared/content/fields';
import { Icon } from '../../app/icons';
import { FieldControl } from '../FieldControl';
import type { FieldProps } from '../field-props';
import { useFieldIds } from '../field-props';
import { moveItem, useListKeys, usePendingFocus } from '../list-keys';

/** Edits an array of flat objects. */
export function ObjectListField({ spec, value, onChange }: FieldProps<'object-list'>) {
  const { id, labelId } = useFieldIds(undefined);
  const items: JsonValue[] = Array.isArray(value) ? value : [];
  const list = useListKeys(items.length);
  const bodyRef = useRef<HTMLDivElement>(null);
  // After add/remove/move, focus lands on the same item (or its neighbour) instead of the page.
  const setFocusTarget = usePendingFocus(bodyRef);

  const name = (index: number) => `${spec.label} ${index + 1}`;

  function move(index: number, to: number, direction: 'up' | 'down'): void {
    const key = list.keys[index];
    list.move(index, to);
    onChange(moveItem(items, index, to));
    const edge = to === 0 || to === items.length - 1;
    setFocusTarget(`[data-key="${key}"] [data-action="${edge ? (direction === 'up' ? 'down' : 'up') : direction}"]`);
  }

  return (
    <fieldset className="group group--list" aria-labelledby={labelId}>
      <legend className="group__legend">
        <span id={labelId} className="group__title">
          {spec.label}
        </span>
      </legend>
      <div className="list" ref={bodyRef}>
        {items.map((item, index) => {
          const key = list.keys[index] ?? String(index);
          const itemLabelId = `${id}-${key}`;
          const object: FrontMatterData = isObject(item) ? item : {};
          return (
            <fieldset className="list__item" key={key} data-key={key} aria-labelledby={itemLabelId}>
              <div className="list__item-head">
                <span className="list__item-title" id={itemLabelId}>
                  {name(index)}
                </span>
                <button type="button" className="icon-button" data-action="up" aria-label={`Move ${name(index)} up`} disabled={index === 0} onClick={() => move(index, index - 1, 'up')}>
                  <Icon name="up" />
                </button>
                <button type="button" className="icon-button" data-action="down" aria-label={`Move ${name(index)} down`} disabled={index === items.length - 1} onClick={() => move(index, index + 1, 'down')}>
                  <Icon name="down" />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${name(index)}`}
                  onClick={() => {
                    const nextKey = list.keys[index + 1] ?? list.keys[index - 1];
                    list.remove(index);
                    onChange(items.filter((_, i) => i !== index));
                    setFocusTarget(nextKey ? `[data-key="${nextKey}"] [aria-label^="Remove"]` : '[data-action="add"]');
                  }}
                >
                  <Icon name="close" />
                </button>
              </div>
              {spec.itemFields.map((field) =>
                field.key in object ? (
                  <FieldControl
                    key={field.key}
                    spec={field}
                    value={object[field.key] ?? null}
                    contextId={itemLabelId}
                    onChange={(next) => onChange(items.map((old, i) => (i === index ? { ...object, [field.key]: next } : old)))}
                  />
                ) : null,
              )}
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button button--small button--quiet list__add"
          data-action="add"
          onClick={() => {
            const key = list.add();
            onChange([...items, { ...spec.template }]);
            setFocusTarget(`[data-key="${key}"] input, [data-key="${key}"] textarea`);
          }}
        >
          <Icon name="plus" />
          Add to {spec.label}
        </button>
      </div>
    </fieldset>
  );
}
