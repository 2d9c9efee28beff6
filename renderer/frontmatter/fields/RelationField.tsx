/**
 * A reference to entries of another collection (Decap `relation`): a searchable combobox. The writer
 * sees each entry's label; the file gets its value (e.g. a slug). Several values show as chips,
 * each with its own remove button.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { JsonValue } from '../../../shared/api';
import type { RelationOption } from '../../../shared/content/schema/types';
import { Icon } from '../../app/icons';
import { useServices } from '../form-context';
import type { FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

/** How long typing pauses before the options are looked up. */
export const RELATION_SEARCH_DELAY_MS = 150;

type Key = string | number;
const isKey = (value: JsonValue | undefined): value is Key => typeof value === 'string' || typeof value === 'number';

const withLabels = (known: ReadonlyMap<Key, string>, found: RelationOption[]): ReadonlyMap<Key, string> =>
  new Map([...known, ...found.map((option) => [option.value, option.label] as const)]);

/** Edits one or several relation values. */
export function RelationField({ field, value, onChange, path, contextId }: FieldProps<'relation'>) {
  const frame = useFieldFrame(field, path, contextId);
  const services = useServices();
  const values: Key[] = field.multiple
    ? Array.isArray(value)
      ? value.filter(isKey)
      : isKey(value) && value !== ''
        ? [value]
        : []
    : isKey(value) && value !== ''
      ? [value]
      : [];
  // null: not searching, the box shows the chosen entry's label.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<RelationOption[] | null>(null);
  const [active, setActive] = useState(0);
  const [labels, setLabels] = useState<ReadonlyMap<Key, string>>(new Map());
  // The latest field and services, read by the lookups without restarting them on every render.
  const latest = useRef({ field, services });
  useEffect(() => {
    latest.current = { field, services };
  });
  const learn = (found: RelationOption[]) => setLabels((known) => withLabels(known, found));

  // Learn the labels of the values already chosen, so the box shows names rather than slugs.
  const hasValues = values.length > 0;
  useEffect(() => {
    if (!hasValues) return;
    let live = true;
    latest.current.services.relationOptions(latest.current.field, '').then(
      (found) => live && setLabels((known) => withLabels(known, found)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [hasValues]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      latest.current.services.relationOptions(latest.current.field, query ?? '').then(
        (found) => {
          if (!live) return;
          setOptions(found);
          setActive(0);
          setLabels((known) => withLabels(known, found));
        },
        () => live && setOptions([]),
      );
    }, RELATION_SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query]);

  const labelOf = (key: Key): string => labels.get(key) ?? String(key);
  const close = () => {
    setOpen(false);
    setQuery(null);
    setOptions(null);
  };
  const choose = (option: RelationOption) => {
    learn([option]);
    if (field.multiple) {
      if (!values.includes(option.value)) onChange([...values, option.value]);
    } else {
      onChange(option.value);
    }
    close();
  };
  const listboxId = `${frame.id}-options`;
  const shown = options ?? [];
  const activeOption = open ? shown[active] : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (shown.length === 0 ? 0 : (index + step + shown.length) % shown.length));
    } else if (event.key === 'Enter' && open && activeOption) {
      event.preventDefault();
      choose(activeOption);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    } else if (event.key === 'Backspace' && field.multiple && (query ?? '') === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  const text = query ?? (field.multiple ? '' : values[0] === undefined ? '' : labelOf(values[0]));
  return (
    <FieldFrame field={field} frame={frame} className="field--relation">
      {field.multiple && values.length > 0 && (
        <ul className="chips" aria-label={`Chosen ${field.label}`}>
          {values.map((key) => (
            <li className="chip" key={String(key)}>
              <span className="chip__text">{labelOf(key)}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${labelOf(key)}`}
                onClick={() => onChange(values.filter((item) => item !== key))}
              >
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="combobox">
        <input
          {...frame.aria()}
          className="input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={activeOption ? `${listboxId}-${active}` : undefined}
          autoComplete="off"
          placeholder={field.multiple ? `Search ${field.collection}…` : `Search ${field.collection}`}
          value={text}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Clearing the box of a single relation and leaving it clears the value.
            if (!field.multiple && query === '' && values.length > 0) onChange('');
            close();
          }}
        />
        {open && (
          <ul className="combobox__list" role="listbox" id={listboxId} aria-labelledby={frame.labelId}>
            {options === null && <li className="combobox__note">Searching…</li>}
            {options !== null && shown.length === 0 && (
              <li className="combobox__note">No matching entries in {field.collection}.</li>
            )}
            {shown.map((option, index) => (
              <li
                key={`${index}-${String(option.value)}`}
                id={`${listboxId}-${index}`}
                role="option"
                className="combobox__option"
                aria-selected={index === active}
                data-chosen={values.includes(option.value) || undefined}
                // mousedown, not click: a click would blur the input and close the list first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
              >
                {option.label}
              </li>
            ))}
          </ul>
        )}
      </div>
    </FieldFrame>
  );
}
