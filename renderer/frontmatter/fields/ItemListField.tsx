/**
 * A list whose items are edited by fields (Decap list with `field`, `fields` or `types`): each item
 * is a collapsible card with Move up / Move down / Remove; a `types` list adds through a menu of
 * its types and writes the chosen type's name under `typeKey`. Keys beyond the schema are kept.
 */
import { useState } from 'react';
import type { FrontMatterData, JsonValue } from '../../../shared/api';
import { isObject } from '../../../shared/content/fields';
import type { SchemaField } from '../../../shared/content/schema/types';
import { Icon } from '../../app/icons';
import { useIssueCountWithin, useIssuesAt, useRenderField } from '../form-context';
import type { FieldProps } from '../field-props';
import { useListEdits } from '../list-keys';
import { newObjectFor, newValueFor } from '../new-values';
import { AddTypeMenu } from './AddTypeMenu';
import { HiddenIssues, useFieldFrame } from './FieldFrame';
import { KeptValue } from './KeptField';
import { AddButton, ListFrame, ListItemControls } from './ListItemControls';
import { ObjectFields } from './ObjectFields';

type ListField = FieldProps<'list'>['field'];

// An added item's first control takes focus; after a remove, the next item's Remove does, so the
// writer can remove several in a row.
const FOCUS = { afterAdd: ['input', 'textarea', 'select'], afterRemove: '[aria-label^="Remove"]' };

/** A short text telling collapsed items apart: the item's first non-empty text value. */
function summaryOf(item: JsonValue): string {
  if (typeof item === 'string' || typeof item === 'number') return String(item);
  if (!isObject(item)) return '';
  const text = Object.values(item).find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return text ?? '';
}

/** Edits a list of fielded items. */
export function ItemListField({ field, value, onChange, path, contextId }: FieldProps<'list'>) {
  const frame = useFieldFrame(field, path, contextId);
  const items = Array.isArray(value) ? value : [];
  const edits = useListEdits(items, onChange, FOCUS);
  // Open/closed per item key; items not toggled yet follow the schema's `collapsed`.
  const [openKeys, setOpenKeys] = useState<Readonly<Record<string, boolean>>>({});
  const name = (index: number) => `${field.label} ${index + 1}`;
  const addOpen = (item: JsonValue) => {
    const key = edits.add(item);
    setOpenKeys((keys) => ({ ...keys, [key]: true }));
  };
  const { items: shape } = field;

  let add = null;
  if (field.allowAdd) {
    if (shape.kind === 'types') {
      add = (
        <AddTypeMenu
          label={field.label}
          types={shape.types}
          onPick={(type) => addOpen({ [shape.typeKey]: type.name, ...newObjectFor(type.fields) })}
        />
      );
    } else if (shape.kind === 'fields') {
      add = <AddButton label={field.label} onAdd={() => addOpen(newObjectFor(shape.fields))} />;
    } else if (shape.kind === 'field') {
      add = <AddButton label={field.label} onAdd={() => addOpen(newValueFor(shape.field))} />;
    }
  }

  return (
    <ListFrame field={field} frame={frame} bodyRef={edits.bodyRef} add={add}>
      {items.map((item, index) => {
        const key = edits.keys[index] ?? String(index);
        const itemLabelId = `${frame.id}-${key}`;
        const bodyId = `${itemLabelId}-body`;
        const open = openKeys[key] ?? !field.collapsed;
        const type =
          shape.kind === 'types' && isObject(item)
            ? shape.types.find((candidate) => candidate.name === item[shape.typeKey])
            : undefined;
        const summary = type ? type.label : summaryOf(item);
        return (
          <fieldset className="list__item" key={key} data-key={key} aria-labelledby={itemLabelId}>
            <div className="list__item-head">
              <button
                type="button"
                className="list__item-toggle"
                aria-expanded={open}
                aria-controls={bodyId}
                aria-label={`${open ? 'Collapse' : 'Expand'} ${name(index)}`}
                onClick={() => setOpenKeys((keys) => ({ ...keys, [key]: !open }))}
              >
                <Icon name={open ? 'down' : 'right'} />
              </button>
              <span className="list__item-title" id={itemLabelId}>
                {name(index)}
              </span>
              <span className="list__item-summary">{summary}</span>
              {!open && <ItemIssues path={[...path, index]} />}
              <ListItemControls name={name(index)} index={index} count={items.length} edits={edits} />
            </div>
            <div className="list__item-body" id={bodyId} hidden={!open}>
              <ItemBody
                field={field}
                item={item}
                path={[...path, index]}
                contextId={itemLabelId}
                onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))}
              />
            </div>
          </fieldset>
        );
      })}
    </ListFrame>
  );
}

/** Problems hidden inside a collapsed item. */
function ItemIssues({ path }: { path: (string | number)[] }) {
  return <HiddenIssues count={useIssueCountWithin(path) + useIssuesAt(path).length} />;
}

/** The controls of one item, by the list's item shape. */
function ItemBody({
  field,
  item,
  path,
  contextId,
  onChange,
}: {
  field: ListField;
  item: JsonValue;
  path: (string | number)[];
  contextId: string;
  onChange: (next: JsonValue) => void;
}) {
  const renderField = useRenderField();
  const shape = field.items;
  const object: FrontMatterData = isObject(item) ? item : {};
  switch (shape.kind) {
    case 'field':
      return renderField({ field: shape.field, value: item, path, contextId, onChange });
    case 'fields':
      return (
        <ObjectFields fields={shape.fields} object={object} path={path} contextId={contextId} onChange={onChange} />
      );
    case 'types': {
      const type = shape.types.find((candidate) => candidate.name === object[shape.typeKey]);
      if (!type) {
        const kept: SchemaField = { widget: 'kept', name: String(path.at(-1)), label: 'Item', required: false };
        return (
          <KeptValue
            field={kept}
            value={item}
            path={path}
            contextId={contextId}
            note={`Kept as is — “${String(object[shape.typeKey] ?? '')}” is not one of this list’s types.`}
          />
        );
      }
      return (
        <ObjectFields fields={type.fields} object={object} path={path} contextId={contextId} onChange={onChange} />
      );
    }
    case 'strings':
      // String lists have their own component; a plain text box keeps this total.
      return renderField({
        field: { widget: 'string', name: String(path.at(-1)), label: 'Text', required: false },
        value: item,
        path,
        contextId,
        onChange,
      });
  }
}
