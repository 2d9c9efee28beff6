/**
 * Building blocks of the request schemas (shared/api/args.ts). A field's message completes a
 * sentence that starts with the field's name (`“path” is empty`): parseArg in main/request-checks.ts
 * puts the name in front, so every refusal says which field was wrong.
 */
import * as v from 'valibot';
import { isJsonValue, isPlainObject, type FrontMatterData } from './json';

/** Longest string accepted for a path, version, id or name argument (bodies and raw text are exempt). */
export const MAX_PATH_LENGTH = 4096;

/** A required string: not empty, at most MAX_PATH_LENGTH long. */
export const requiredText = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('is empty'),
  v.maxLength(MAX_PATH_LENGTH, 'is too long'),
);

/** A string that may be empty (a title, a query), at most MAX_PATH_LENGTH long. */
export const optionalText = v.pipe(v.string('must be a string'), v.maxLength(MAX_PATH_LENGTH, 'is too long'));

/** A Markdown body or a file's text: any length a post may have (the transports bound the request's size). */
export const longText = v.string('must be a string');

/** A repo-relative path (or, for 'repo:open', the repository's own path). */
export const pathText = requiredText;

/** True or false. */
export const flag = v.boolean('must be true or false');

/** The whole front matter: an object of JSON values, nested at most MAX_JSON_DEPTH deep. Kept whole: its keys are the writer's data. */
export const frontMatter = v.custom<FrontMatterData>(
  (value) => isPlainObject(value) && isJsonValue(value),
  'must be an object of JSON values (text, numbers, true/false, null, lists, objects)',
);

/** The argument of a request that takes none; `undefined` too, as an HTTP body or IPC call may leave it out. */
export const noArg = v.pipe(
  v.custom<null | undefined>((value) => value === null || value === undefined, 'it takes no argument'),
  v.transform((): null => null),
);

/**
 * A plain object with these fields; any other field is dropped (so `__proto__` and friends never
 * travel further). `expected` is the sentence used when the value is not such an object at all.
 */
export function fields<const Entries extends v.ObjectEntries>(entries: Entries, expected: string) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, expected), v.object(entries, expected));
}

/** A plain object of any keys (valibot drops `__proto__`, `constructor` and `prototype`), each value checked. */
export function keyed<const Value extends v.GenericSchema>(value: Value, expected: string) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, expected), v.record(v.string(), value, expected));
}
