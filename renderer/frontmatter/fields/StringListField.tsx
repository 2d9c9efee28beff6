/**
 * A list of strings (tags, keywords): each item editable in place, a box where Enter adds the typed
 * item, and reordering with the Move buttons or Alt+↑/↓ from an item's box.
 */
import { useState } from 'react';
import type { FieldProps } from '../field-props';
import { useListEdits } from '../list-keys';
import { useFieldFrame } from './FieldFrame';
import { AddButton, ListFrame, ListItemControls } from './ListItemControls';

// After an add or remove, the writer keeps typing in an item's text box.
const FOCUS = { afterAdd: ['input'], afterRemove: 'input' };

/** Edits an array of strings. */
export function StringListField({ field, value, onChange, path, contextId }: FieldProps<'list'>) {
  const frame = useFieldFrame(field, path, contextId);
  const items = Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : String(item))) : [];
  const edits = useListEdits(items, onChange, FOCUS);
  const [pending, setPending] = useState('');
  const name = (index: number) => `${field.label} ${index + 1}`;
  const newLabelId = `${frame.id}-new`;
  const canAdd = field.allowAdd;
  // Values other entries use, not yet in this list: offered as the new item is typed.
  const suggestions = (field.suggestions ?? []).filter(
    (item): item is string => typeof item === 'string' && !items.includes(item),
  );

  const addPending = () => {
    const text = pending.trim();
    if (text === '') return;
    // The typed item is added without stealing focus from the box, so the next tag follows.
    onChange([...items, text]);
    setPending('');
  };

  return (
    <ListFrame
      field={field}
      frame={frame}
      bodyRef={edits.bodyRef}
      add={
        canAdd && (
          <div className="list__new">
            <span id={newLabelId} className="visually-hidden">
              New item for {field.label}
            </span>
            <input
              className="input"
              type="text"
              aria-labelledby={newLabelId}
              placeholder="New item, then Enter"
              list={suggestions.length > 0 ? `${frame.id}-suggestions` : undefined}
              value={pending}
              onChange={(event) => setPending(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addPending();
                }
              }}
            />
            <AddButton label={field.label} onAdd={() => (pending.trim() === '' ? edits.add('') : addPending())} />
            {suggestions.length > 0 && (
              <datalist id={`${frame.id}-suggestions`}>
                {suggestions.map((suggestion) => (
                  <option key={suggestion} value={suggestion} />
                ))}
              </datalist>
            )}
          </div>
        )
      }
    >
      {items.map((item, index) => (
        <div className="list__row" key={edits.keys[index]} data-key={edits.keys[index]}>
          <input
            className="input"
            type="text"
            aria-label={name(index)}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            value={item}
            onChange={(event) => onChange(items.map((old, i) => (i === index ? event.target.value : old)))}
            onKeyDown={(event) => {
              if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
              event.preventDefault();
              const up = event.key === 'ArrowUp';
              // Focus stays in the moved item's box so the writer can keep moving it.
              edits.move(index, up ? index - 1 : index + 1, up ? 'up' : 'down', 'input');
            }}
          />
          <ListItemControls name={name(index)} index={index} count={items.length} edits={edits} />
        </div>
      ))}
    </ListFrame>
  );
}
