/**
 * A choice among the schema's options (Decap `select`): a native select, or a group of checkboxes
 * when several may be chosen. Labels are shown; option values (strings, numbers, booleans) are
 * written with their own type. A value not among the options is shown, not dropped.
 */
import type { JsonValue } from '../../../shared/api';
import type { SchemaField, SelectOption } from '../../../shared/content/schema/types';
import { textOf, type FieldProps } from '../field-props';
import { FieldFrame, FieldNotes, RequiredMark, useFieldFrame } from './FieldFrame';
import { StringListField } from './StringListField';

const same = (a: JsonValue | undefined, b: JsonValue | undefined): boolean =>
  a !== undefined && b !== undefined && String(a) === String(b);
const NONE = '';
const CURRENT = 'current';

/** Edits a single or multiple choice. */
export function SelectField(props: FieldProps<'select'>) {
  if (props.field.open) return props.field.multiple ? <OpenMultiSelect {...props} /> : <OpenSingleSelect {...props} />;
  return props.field.multiple ? <MultiSelect {...props} /> : <SingleSelect {...props} />;
}

/** An open choice: a text box suggesting the values other entries use (a new author can be typed). */
function OpenSingleSelect({ field, value, onChange, path, contextId }: FieldProps<'select'>) {
  const frame = useFieldFrame(field, path, contextId);
  const listId = `${frame.id}-suggestions`;
  return (
    <FieldFrame field={field} frame={frame}>
      <input
        {...frame.aria()}
        className="input"
        type="text"
        list={listId}
        value={textOf(value)}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {field.options.map((option, i) => (
          <option key={`${i}-${String(option.value)}`} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </datalist>
    </FieldFrame>
  );
}

/** Open multiple choice (tags): a list of strings whose new-item box suggests the values seen elsewhere. */
function OpenMultiSelect({ field, ...rest }: FieldProps<'select'>) {
  const asList: Extract<SchemaField, { widget: 'list' }> = {
    ...field,
    widget: 'list',
    items: { kind: 'strings' },
    allowAdd: true,
    collapsed: false,
    suggestions: field.options.map((option) => String(option.value)),
  };
  return <StringListField field={asList} {...rest} />;
}

function SingleSelect({ field, value, onChange, path, contextId }: FieldProps<'select'>) {
  const frame = useFieldFrame(field, path, contextId);
  const index = field.options.findIndex((option) => same(option.value, value));
  const empty = value === undefined || value === null || value === '';
  const unknown = index < 0 && !empty;
  return (
    <FieldFrame field={field} frame={frame}>
      <select
        {...frame.aria()}
        className="input select"
        value={index >= 0 ? String(index) : unknown ? CURRENT : NONE}
        onChange={(event) => {
          const picked = event.target.value;
          if (picked === CURRENT) return;
          onChange(picked === NONE ? '' : (field.options[Number(picked)]?.value ?? ''));
        }}
      >
        {(empty || !field.required) && <option value={NONE}>{field.required ? 'Choose…' : '(none)'}</option>}
        {unknown && <option value={CURRENT}>{`${String(JSON.stringify(value))} (not one of the choices)`}</option>}
        {field.options.map((option, i) => (
          <option key={`${i}-${String(option.value)}`} value={String(i)}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

function MultiSelect({ field, value, onChange, path, contextId }: FieldProps<'select'>) {
  const frame = useFieldFrame(field, path, contextId);
  const chosen: JsonValue[] = Array.isArray(value)
    ? value
    : value === undefined || value === null || value === ''
      ? []
      : [value];
  // Values the options do not list stay chosen and can be unticked.
  const extra: SelectOption[] = chosen
    .filter((item) => !field.options.some((option) => same(option.value, item)))
    .flatMap((item) =>
      typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
        ? [{ label: `${String(item)} (not one of the choices)`, value: item }]
        : [],
    );
  const toggle = (option: SelectOption, on: boolean) => {
    onChange(on ? [...chosen, option.value] : chosen.filter((item) => !same(item, option.value)));
  };
  return (
    <fieldset
      className={frame.invalid ? 'field field--choices field--invalid' : 'field field--choices'}
      aria-labelledby={frame.labelledBy}
      aria-describedby={frame.describedBy()}
      aria-invalid={frame.invalid || undefined}
      aria-required={field.required || undefined}
    >
      <legend className="field__head">
        <span className="field__label" id={frame.labelId}>
          {field.label}
        </span>
        <RequiredMark field={field} />
      </legend>
      <div className="choices">
        {[...field.options, ...extra].map((option, i) => (
          <div className="choice" key={`${i}-${String(option.value)}`}>
            <input
              id={`${frame.id}-choice-${i}`}
              type="checkbox"
              className="checkbox"
              checked={chosen.some((item) => same(item, option.value))}
              onChange={(event) => toggle(option, event.target.checked)}
            />
            <label htmlFor={`${frame.id}-choice-${i}`}>{option.label}</label>
          </div>
        ))}
      </div>
      <FieldNotes field={field} frame={frame} />
    </fieldset>
  );
}
