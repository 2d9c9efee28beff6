/**
 * Astro content-collection schemas (zod, as written in `src/content.config.ts`) → SchemaField, read
 * from the syntax tree without running the code. A zod expression is a base (`z.string()`,
 * `image()`, `reference('authors')`, a schema held in a variable) followed by a chain of methods
 * (`.optional()`, `.default(x)`, `.min(3)`); the base gives the widget, the chain its options. A
 * shape with no matching widget (`z.record`, a union of unlike types) becomes a custom widget whose
 * editor is learned from the posts, so its values are never dropped.
 */
import type { Expression, Node, ObjectExpression } from '@babel/types';
import type { JsonValue } from '../../api';
import { humanizeKey } from '../fields';
import type { SchemaField, SelectOption } from './types';
import { collectionId } from '../collection-ids';

/** Names the config gave zod, Astro's helpers and its top-level constants. */
export interface ZodScope {
  /** Local names bound to zod (`z` from `astro:content`, `astro/zod` or `zod`). */
  zod: Set<string>;
  /** Local name of `reference` from `astro:content`, when imported. */
  reference: Set<string>;
  /** Local name of the `image` helper of a `schema: ({ image }) => …` function. */
  image: Set<string>;
  /** Top-level `const` initializers, so a schema kept in a variable can be followed. */
  constants: Map<string, Expression>;
}

type Value = string | number | boolean;

/** What a zod expression describes, before it becomes a field. */
type ZodKind =
  | { kind: 'string'; pattern?: { regex: string; message: string } }
  | { kind: 'number'; int: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'image' }
  | { kind: 'enum'; options: Value[] }
  | { kind: 'reference'; collection: string }
  | { kind: 'array'; item: ZodInfo; min?: number; max?: number }
  | { kind: 'object'; fields: [string, ZodInfo][] }
  | { kind: 'unknown'; what: string };

/** A zod type with the options its method chain added. */
export interface ZodInfo {
  type: ZodKind;
  optional: boolean;
  default?: JsonValue;
  hint?: string;
}

const MAX_DEPTH = 24;

/** Reads the top-level `z.object({...})` (or a schema with that shape) into fields; null when it is not an object schema. */
export function readZodObjectFields(node: Expression, scope: ZodScope): SchemaField[] | null {
  const info = readZod(node, scope, 0);
  return info.type.kind === 'object' ? info.type.fields.map(([name, field]) => toField(name, field)) : null;
}

/** The zod type of an expression, following variables and method chains. */
function readZod(node: Expression, scope: ZodScope, depth: number): ZodInfo {
  const plain = unwrap(node);
  if (depth > MAX_DEPTH) return unknown('nested too deeply');
  if (plain.type === 'Identifier') {
    const value = scope.constants.get(plain.name);
    return value ? readZod(value, scope, depth + 1) : unknown(plain.name);
  }
  if (plain.type !== 'CallExpression' || plain.callee.type === 'V8IntrinsicIdentifier') return unknown(kindName(plain));
  const callee = unwrap(plain.callee as Expression);
  const args = plain.arguments.map((arg) =>
    arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder' ? null : unwrap(arg as Expression),
  );

  if (callee.type === 'Identifier') {
    if (scope.image.has(callee.name)) return info({ kind: 'image' });
    if (scope.reference.has(callee.name)) {
      const target = stringOf(args[0]);
      return target === undefined ? unknown('reference') : info({ kind: 'reference', collection: target });
    }
    return unknown(`${callee.name}()`);
  }
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return unknown(kindName(callee));
  const method = callee.property.name;
  const target = unwrap(callee.object as Expression);
  if (isZodNamespace(target, scope)) return readBase(method, args, scope, depth);
  return applyMethod(readZod(target, scope, depth + 1), method, args, scope, depth);
}

/** `z.string()`, `z.coerce.date()`, `z.enum([...])`, `z.object({...})`… */
function readBase(method: string, args: (Expression | null)[], scope: ZodScope, depth: number): ZodInfo {
  const [first] = args;
  switch (method) {
    case 'string':
      return info({ kind: 'string' });
    case 'number':
    case 'bigint':
      return info({ kind: 'number', int: method === 'bigint' });
    case 'boolean':
      return info({ kind: 'boolean' });
    case 'date':
      return info({ kind: 'date' });
    case 'enum': {
      const options =
        first?.type === 'ArrayExpression'
          ? first.elements
              .map((element) => literalOf(element as Expression | null))
              .filter((v): v is Value => v !== undefined)
          : [];
      return options.length > 0 ? info({ kind: 'enum', options }) : unknown('enum');
    }
    case 'literal': {
      const value = literalOf(first ?? null);
      return value === undefined ? unknown('literal') : info({ kind: 'enum', options: [value] });
    }
    case 'array':
      return first ? info({ kind: 'array', item: readZod(first, scope, depth + 1) }) : unknown('array');
    case 'object':
    case 'strictObject':
    case 'looseObject':
      return first?.type === 'ObjectExpression'
        ? info({ kind: 'object', fields: readShape(first, scope, depth) })
        : unknown('object');
    case 'union':
    case 'discriminatedUnion': {
      const list = args[method === 'union' ? 0 : 1];
      const members =
        list?.type === 'ArrayExpression'
          ? list.elements.map((element) => readZod(element as Expression, scope, depth + 1))
          : [];
      return union(members);
    }
    default:
      return unknown(method);
  }
}

/** One link of a method chain: `.optional()`, `.default(x)`, `.min(n)`, `.array()`… */
function applyMethod(
  base: ZodInfo,
  method: string,
  args: (Expression | null)[],
  scope: ZodScope,
  depth: number,
): ZodInfo {
  const [first] = args;
  const type = base.type;
  switch (method) {
    case 'optional':
    case 'nullable':
    case 'nullish':
      return { ...base, optional: true };
    case 'default':
    case 'catch': {
      const value = first ? jsonOf(first) : undefined;
      return { ...base, optional: true, ...(value === undefined || method === 'catch' ? {} : { default: value }) };
    }
    case 'describe': {
      const hint = stringOf(first);
      return hint === undefined ? base : { ...base, hint };
    }
    case 'array':
      return info({ kind: 'array', item: base });
    case 'or':
      return first ? union([base, readZod(first, scope, depth + 1)]) : base;
    case 'extend':
    case 'merge': {
      if (type.kind !== 'object') return base;
      const more =
        first?.type === 'ObjectExpression'
          ? readShape(first, scope, depth)
          : first
            ? fieldsOf(readZod(first, scope, depth + 1))
            : [];
      const names = new Set(more.map(([name]) => name));
      return {
        ...base,
        type: { kind: 'object', fields: [...type.fields.filter(([name]) => !names.has(name)), ...more] },
      };
    }
    case 'partial':
      return type.kind === 'object'
        ? {
            ...base,
            type: { kind: 'object', fields: type.fields.map(([name, field]) => [name, { ...field, optional: true }]) },
          }
        : base;
    case 'omit':
    case 'pick': {
      if (type.kind !== 'object' || first?.type !== 'ObjectExpression') return base;
      const keys = new Set(
        first.properties.flatMap((property) => (property.type === 'ObjectProperty' ? (keyOf(property.key) ?? []) : [])),
      );
      return {
        ...base,
        type: { kind: 'object', fields: type.fields.filter(([name]) => keys.has(name) === (method === 'pick')) },
      };
    }
    case 'int':
      return type.kind === 'number' ? { ...base, type: { ...type, int: true } } : base;
    case 'min':
    case 'gte':
    case 'max':
    case 'lte':
    case 'length':
    case 'nonempty':
    case 'positive':
    case 'nonnegative':
      return withBound(base, method, first ? numberOf(first) : undefined);
    case 'regex': {
      if (type.kind !== 'string' || first?.type !== 'RegExpLiteral') return base;
      return {
        ...base,
        type: {
          ...type,
          pattern: {
            regex: first.pattern,
            message: stringOf(args[1]) ?? messageOf(args[1]) ?? `Must match ${first.pattern}`,
          },
        },
      };
    }
    default:
      // `.url()`, `.email()`, `.trim()`, `.refine()`, `.transform()`… keep the type: the value is still written the same way.
      return base;
  }
}

/** The bounds `.min(n)`/`.max(n)`/`.length(n)`/`.nonempty()` put on numbers and lists. */
function withBound(base: ZodInfo, method: string, value: number | undefined): ZodInfo {
  const type = base.type;
  if (type.kind !== 'number' && type.kind !== 'array') return base;
  const bounds: { min?: number; max?: number } = {};
  if (method === 'nonempty') bounds.min = 1;
  else if (method === 'positive' && type.kind === 'number') bounds.min = type.int ? 1 : 0;
  else if (method === 'nonnegative') bounds.min = 0;
  else if (value !== undefined) {
    if (method === 'min' || method === 'gte' || method === 'length') bounds.min = value;
    if (method === 'max' || method === 'lte' || method === 'length') bounds.max = value;
  }
  return { ...base, type: { ...type, ...bounds } };
}

/** A union that one widget can edit: literals become a select, anything with a date a date (Astro's `z.string().or(z.date())`). */
function union(members: ZodInfo[]): ZodInfo {
  const optional = members.some((member) => member.optional);
  const kinds = members.map((member) => member.type);
  if (kinds.length > 0 && kinds.every((kind) => kind.kind === 'enum')) {
    return {
      ...info({ kind: 'enum', options: kinds.flatMap((kind) => (kind.kind === 'enum' ? kind.options : [])) }),
      optional,
    };
  }
  if (
    kinds.some((kind) => kind.kind === 'date') &&
    kinds.every((kind) => ['date', 'string', 'number'].includes(kind.kind))
  )
    return { ...info({ kind: 'date' }), optional };
  if (kinds.some((kind) => kind.kind === 'image') && kinds.every((kind) => ['image', 'string'].includes(kind.kind)))
    return { ...info({ kind: 'image' }), optional };
  const [first] = kinds;
  if (first && kinds.every((kind) => kind.kind === first.kind && ['string', 'number', 'boolean'].includes(kind.kind)))
    return { ...info(first), optional };
  return { ...unknown('union'), optional };
}

/** The keys of a `z.object({...})` argument, spreads of other shapes (`...base.shape`) included. */
function readShape(shape: ObjectExpression, scope: ZodScope, depth: number): [string, ZodInfo][] {
  const fields: [string, ZodInfo][] = [];
  const add = (name: string, field: ZodInfo): void => {
    const at = fields.findIndex(([existing]) => existing === name);
    if (at === -1) fields.push([name, field]);
    else fields[at] = [name, field];
  };
  for (const property of shape.properties) {
    if (property.type === 'SpreadElement') {
      let spread = unwrap(property.argument);
      if (
        spread.type === 'MemberExpression' &&
        spread.property.type === 'Identifier' &&
        spread.property.name === 'shape'
      )
        spread = unwrap(spread.object as Expression);
      for (const [name, field] of fieldsOf(readZod(spread, scope, depth + 1))) add(name, field);
      continue;
    }
    const name = keyOf(property.key);
    if (name === undefined) continue;
    if (property.type === 'ObjectMethod') {
      add(name, unknown('method'));
      continue;
    }
    add(name, readZod(property.value as Expression, scope, depth + 1));
  }
  return fields;
}

function fieldsOf(zod: ZodInfo): [string, ZodInfo][] {
  return zod.type.kind === 'object' ? zod.type.fields : [];
}

/** The SchemaField for one key of an object schema. */
function toField(name: string, zod: ZodInfo): SchemaField {
  const common: { name: string; label: string; required: boolean; default?: JsonValue; hint?: string } = {
    name,
    label: humanizeKey(name),
    required: !zod.optional,
  };
  if (zod.default !== undefined) common.default = zod.default;
  if (zod.hint !== undefined) common.hint = zod.hint;
  const type = zod.type;
  switch (type.kind) {
    case 'string':
      return type.pattern ? { ...common, widget: 'string', pattern: type.pattern } : { ...common, widget: 'string' };
    case 'number':
      return { ...common, widget: 'number', valueType: type.int ? 'int' : 'float', ...bounds(type) };
    case 'boolean':
      return { ...common, widget: 'boolean' };
    case 'date':
      // No format: the form keeps the shape the posts already use (`2024-06-19`, or a full ISO date-time).
      return { ...common, widget: 'datetime', pickerUtc: false };
    case 'image':
      return { ...common, widget: 'image' };
    case 'enum':
      return { ...common, widget: 'select', options: options(type.options), multiple: false };
    case 'reference':
      return {
        ...common,
        widget: 'relation',
        collection: collectionId(type.collection),
        valueField: '{{slug}}',
        searchFields: ['{{slug}}'],
        displayFields: ['{{slug}}'],
        multiple: false,
      };
    case 'object':
      return {
        ...common,
        widget: 'object',
        fields: type.fields.map(([key, field]) => toField(key, field)),
        collapsed: false,
      };
    case 'array':
      return arrayField(common, type);
    case 'unknown':
      return { ...common, widget: 'custom', customWidget: `zod ${type.what}`, editor: null };
  }
}

/** A list: of strings, of objects, of one kind of value; a list of choices is a multiple select, of references a multiple relation. */
function arrayField(
  common: { name: string; label: string; required: boolean },
  type: Extract<ZodKind, { kind: 'array' }>,
): SchemaField {
  const item = type.item.type;
  const limits = bounds(type);
  if (item.kind === 'enum')
    return { ...common, widget: 'select', options: options(item.options), multiple: true, ...limits };
  if (item.kind === 'reference') {
    return {
      ...common,
      widget: 'relation',
      collection: collectionId(item.collection),
      valueField: '{{slug}}',
      searchFields: ['{{slug}}'],
      displayFields: ['{{slug}}'],
      multiple: true,
      ...limits,
    };
  }
  const list = { ...common, widget: 'list' as const, allowAdd: true, collapsed: false, ...limits };
  if (item.kind === 'string') return { ...list, items: { kind: 'strings' } };
  if (item.kind === 'object')
    return { ...list, items: { kind: 'fields', fields: item.fields.map(([key, field]) => toField(key, field)) } };
  return { ...list, items: { kind: 'field', field: toField(common.name, { ...type.item, optional: false }) } };
}

function bounds(type: { min?: number; max?: number }): { min?: number; max?: number } {
  return { ...(type.min === undefined ? {} : { min: type.min }), ...(type.max === undefined ? {} : { max: type.max }) };
}

function options(values: Value[]): SelectOption[] {
  return values.map((value) => ({ label: String(value), value }));
}

function info(type: ZodKind): ZodInfo {
  return { type, optional: false };
}

function unknown(what: string): ZodInfo {
  return info({ kind: 'unknown', what });
}

/** `z`, or `z.coerce` (whose types read like the plain ones). */
function isZodNamespace(node: Expression, scope: ZodScope): boolean {
  if (node.type === 'Identifier') return scope.zod.has(node.name);
  return (
    node.type === 'MemberExpression' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'coerce' &&
    isZodNamespace(unwrap(node.object as Expression), scope)
  );
}

/** Drops TypeScript-only wrappers (`as const`, `satisfies`, `!`) and parentheses. */
export function unwrap(node: Expression): Expression {
  let current = node;
  for (;;) {
    if (
      current.type === 'TSAsExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'ParenthesizedExpression'
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** A property key as text (`title`, `'hero-image'`, `2`), or undefined for a computed one. */
export function keyOf(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

/** A string literal's text (plain template literals too). */
export function stringOf(node: Expression | null | undefined): string | undefined {
  if (!node) return undefined;
  const plain = unwrap(node);
  if (plain.type === 'StringLiteral') return plain.value;
  if (plain.type === 'TemplateLiteral' && plain.expressions.length === 0)
    return plain.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function numberOf(node: Expression): number | undefined {
  const value = jsonOf(node);
  return typeof value === 'number' ? value : undefined;
}

function literalOf(node: Expression | null): Value | undefined {
  if (!node) return undefined;
  const value = jsonOf(node);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** `{ message: '…' }` as the second argument of `.regex()`. */
function messageOf(node: Expression | null | undefined): string | undefined {
  if (node?.type !== 'ObjectExpression') return undefined;
  const property = node.properties.find((p) => p.type === 'ObjectProperty' && keyOf(p.key) === 'message');
  return property?.type === 'ObjectProperty' ? stringOf(property.value as Expression) : undefined;
}

/** The JSON value of a literal expression (`'draft'`, `-1`, `[]`, `{ a: true }`), or undefined for anything computed. */
function jsonOf(node: Expression): JsonValue | undefined {
  const plain = unwrap(node);
  switch (plain.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return plain.value;
    case 'NullLiteral':
      return null;
    case 'TemplateLiteral':
      return stringOf(plain);
    case 'UnaryExpression': {
      const inner = plain.operator === '-' || plain.operator === '+' ? jsonOf(plain.argument) : undefined;
      return typeof inner === 'number' ? (plain.operator === '-' ? -inner : inner) : undefined;
    }
    case 'ArrayExpression': {
      const items = plain.elements.map((element) =>
        element && element.type !== 'SpreadElement' ? jsonOf(element) : undefined,
      );
      return items.every((item) => item !== undefined) ? (items as JsonValue[]) : undefined;
    }
    case 'ObjectExpression': {
      const result: Record<string, JsonValue> = {};
      for (const property of plain.properties) {
        const key = property.type === 'ObjectProperty' ? keyOf(property.key) : undefined;
        const value =
          key !== undefined && property.type === 'ObjectProperty' ? jsonOf(property.value as Expression) : undefined;
        if (key === undefined || value === undefined) return undefined;
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    default:
      return undefined;
  }
}

function kindName(node: Node): string {
  return node.type.replace(/Expression$/, '').toLowerCase();
}
