/** Picks the component for a field's kind. Exhaustive: a new kind without a component fails to compile. */
import { assertNever } from '../../shared/errors';
import type { FieldProps } from './field-props';
import { BooleanField } from './fields/BooleanField';
import { DateField } from './fields/DateField';
import { GroupField } from './fields/GroupField';
import { KeptField } from './fields/KeptField';
import { NumberField } from './fields/NumberField';
import { ObjectListField } from './fields/ObjectListField';
import { StringListField } from './fields/StringListField';
import { TextField } from './fields/TextField';

/** Renders the control for one field. */
export function FieldControl({ spec, ...rest }: FieldProps) {
  switch (spec.kind) {
    case 'text':
      return <TextField spec={spec} {...rest} />;
    case 'date':
      return <DateField spec={spec} {...rest} />;
    case 'boolean':
      return <BooleanField spec={spec} {...rest} />;
    case 'number':
      return <NumberField spec={spec} {...rest} />;
    case 'group':
      return <GroupField spec={spec} {...rest} />;
    case 'string-list':
      return <StringListField spec={spec} {...rest} />;
    case 'object-list':
      return <ObjectListField spec={spec} {...rest} />;
    case 'kept':
      return <KeptField spec={spec} {...rest} />;
    default:
      return assertNever(spec);
  }
}
