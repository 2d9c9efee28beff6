/** A list of strings (tags, keywords): edit, add, remove and reorder items. */
import { useRef } from 'react';
import type { JsonValue } from '../../../shared/api';
import { Icon } from '../../app/icons';
import type { FieldProps } from '../field-props';
import { useFieldIds } from '../field-props';
import { moveItem, useListKeys, usePendingFocus } from '../list-keys';

/** Edits an array of strings. */
export function StringListField({ spec, value, onChange }: FieldProps<'string-list'>) {
  const { labelId } = useFieldIds(undefined);
  const items = Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : String(item))) : [];
  const list = useListKeys(items.length);
  const bodyRef = useRef<HTMLDivElement>(null);
  // After add/remove/move, focus lands on the same item (or its neighbour) instead of the page.
  const setFocusTarget = usePendingFocus(bodyRef);

  const change = (next: JsonValue[]) => onChange(next);
  const name = (index: number) => `${spec.label} ${index + 1}`;

  function move(index: number, to: number, direction: 'up' | 'down'): void {
    const key = list.keys[index];
    list.move(index, to);
    change(moveItem(items, index, to));
    const edge = to === 0 || to === items.length - 1;
    const button = edge ? (direction === 'up' ? 'down' : 'up') : direction;
    setFocusTarget(`[data-key="${key}"] [data-action="${button}"]`);
  }

  return (
    <fieldset className="group group--list" aria-labelledby={labelId}>
      <legend className="group__legend">
        <span id={labelId} className="group__title">
          {spec.label}
        </span>
      </legend>
      <div className="list" ref={bodyRef}>
        {items.map((item, index) => (
          <div className="list__row" key={list.keys[index]} data-key={list.keys[index]}>
            <input className="input" type="text" aria-label={name(index)} value={item} onChange={(event) => change(items.map((old, i) => (i === index ? event.target.value : old)))} />
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
                change(items.filter((_, i) => i !== index));
                setFocusTarget(nextKey ? `[data-key="${nextKey}"] input` : '[data-action="add"]');
              }}
            >
              <Icon name="close" />
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small button--quiet list__add"
          data-action="add"
          onClick={() => {
            const key = list.add();
            change([...items, '']);
            setFocusTarget(`[data-key="${key}"] input`);
          }}
        >
          <Icon name="plus" />
          Add to {spec.label}
        </button>
      </div>
    </fieldset>
  );
}
