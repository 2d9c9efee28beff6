/** Picks the component for a field's widget. Exhaustive: a new widget without a component fails to compile. */
import { assertNever } from '../../shared/errors';
import type { FieldProps } from './field-props';
import { BooleanField } from './fields/BooleanField';
import { CodeField } from './fields/CodeField';
import { ColorField } from './fields/ColorField';
import { CustomField } from './fields/CustomField';
import { DateTimeField } from './fields/DateTimeField';
import { ItemListField } from './fields/ItemListField';
import { KeptField } from './fields/KeptField';
import { MapField } from './fields/MapField';
import { MediaField } from './fields/MediaField';
import { NumberField } from './fields/NumberField';
import { ObjectField } from './fields/ObjectField';
import { RelationField } from './fields/RelationField';
import { SelectField } from './fields/SelectField';
import { StringField } from './fields/StringField';
import { StringListField } from './fields/StringListField';
import { TextField } from './fields/TextField';

/** Renders the control for one field. */
export function FieldControl({ field, ...rest }: FieldProps) {
  switch (field.widget) {
    case 'string':
      return <StringField field={field} {...rest} />;
    case 'text':
    case 'markdown':
      return <TextField field={field} {...rest} />;
    case 'datetime':
    case 'date':
      return <DateTimeField field={field} {...rest} />;
    case 'boolean':
      return <BooleanField field={field} {...rest} />;
    case 'number':
      return <NumberField field={field} {...rest} />;
    case 'select':
      return <SelectField field={field} {...rest} />;
    case 'relation':
      return <RelationField field={field} {...rest} />;
    case 'list':
      return field.items.kind === 'strings' ? (
        <StringListField field={field} {...rest} />
      ) : (
        <ItemListField field={field} {...rest} />
      );
    case 'object':
      return <ObjectField field={field} {...rest} />;
    case 'image':
    case 'file':
      return <MediaField field={field} {...rest} />;
    case 'hidden':
      // Not the writer's to edit; the value passes through untouched.
      return null;
    case 'code':
      return <CodeField field={field} {...rest} />;
    case 'color':
      return <ColorField field={field} {...rest} />;
    case 'map':
      return <MapField field={field} {...rest} />;
    case 'custom':
      return <CustomField field={field} {...rest} />;
    case 'kept':
      return <KeptField field={field} {...rest} />;
    default:
      return assertNever(field);
  }
}
