/**
 * New entries: a slug from a title, the file name from a collection's slug and path templates
 * (Decap's `{{year}}-{{month}}-{{day}}-{{slug}}`), a free name beside existing files, and the
 * front matter a new entry starts with. Paths are checked so a template or a title can never
 * write outside the collection's folder, or a name Windows cannot open.
 */
import type { FrontMatterData, JsonValue } from '../../api';
import { fail } from '../../errors';
import { isObject } from '../fields';
import type { FolderCollection, SchemaField, SlugOptions } from './types';

const MAX_SLUG = 80;
// Latin letters NFKD does not decompose, spelled the way writers transliterate them.
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/**
 * A URL- and file-safe slug: `Café déjà vu` → `cafe-deja-vu`, `Привет мир` → `привет-мир`. Letters
 * of every script are kept; at most ~80 characters, cut at a word boundary; never empty. Nothing
 * invisible survives: emoji variation selectors, zero-width joiners and spaces, and combining marks
 * left without their letter are dropped. `options` are the site's Decap `slug` settings.
 */
export function slugify(title: string, options: SlugOptions = {}): string {
  const replacement = options.sanitizeReplacement ?? '-';
  let text = title.normalize('NFKD').replace(INVISIBLE, '');
  // Accents come off Latin letters only: in other scripts (й, が, Devanagari vowel signs) the mark is
  // part of the letter. A site that sets `clean_accents: false` keeps them (Decap's own default).
  if (options.cleanAccents !== false) text = text.replace(/(\p{Script=Latin})\p{M}+/gu, '$1');
  text = text.normalize('NFC').toLowerCase();
  if (options.cleanAccents !== false) text = text.replace(/[ßæœøđðłþı]/g, (letter) => LATIN_EXTRA[letter] ?? letter);
  // `don't` reads better as `dont` than `don-t`.
  text = text.replace(/['’‘`]/g, '');
  const kept = options.encoding === 'ascii' ? /[^a-z0-9]+/g : /[^\p{L}\p{N}\p{Mn}\p{Mc}]+/gu;
  const dashed = text
    .replace(kept, ' ')
    // A mark with no letter before it (a keycap's leftover, a mark after a symbol) is invisible debris.
    .replace(/(^| )\p{M}+/gu, '$1')
    .split(' ')
    .filter((part) => part !== '')
    .join(replacement);
  const slug = truncateAtWord(dashed, MAX_SLUG, replacement);
  return slug === '' ? 'untitled' : slug;
}

// Default-ignorable code points render as nothing: U+FE0F, ZWJ, ZWSP, ZWNJ, soft hyphen, tags…
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

function truncateAtWord(slug: string, max: number, separator: string): string {
  const chars = Array.from(slug); // code points, so a cut never splits a surrogate pair
  if (chars.length <= max) return slug;
  const cut = chars.slice(0, max).join('');
  if (separator === '') return cut;
  const lastDash = cut.lastIndexOf(separator);
  let out = lastDash > 0 ? cut.slice(0, lastDash) : cut;
  while (out.endsWith(separator)) out = out.slice(0, -separator.length);
  return out;
}

/** What a slug template is filled from. */
export interface SlugInput {
  title: string;
  date: Date;
  /** The new entry's front matter, for `{{fields.x}}` and `{{x}}`. */
  fields: FrontMatterData;
  /** The field `{{slug}}` is made from (default `title`); the title is used when it is empty. */
  identifierField?: string;
  /** The site's Decap `slug` settings (encoding, accents, replacement). */
  slugOptions?: SlugOptions;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const DATE_PARTS: Record<string, (date: Date) => string> = {
  year: (date) => String(date.getUTCFullYear()),
  month: (date) => pad(date.getUTCMonth() + 1),
  day: (date) => pad(date.getUTCDate()),
  hour: (date) => pad(date.getUTCHours()),
  minute: (date) => pad(date.getUTCMinutes()),
  second: (date) => pad(date.getUTCSeconds()),
};

/**
 * Fills a slug template: `{{slug}}`, `{{year}}`…`{{second}}` (UTC, zero-padded, as Decap does),
 * `{{fields.x}}` and `{{x}}` (the field's value, slugified). Throws `invalid-slug-template` for a
 * placeholder it does not know.
 */
export function renderSlugTemplate(template: string, input: SlugInput): string {
  return renderTemplate(template, input, null);
}

// `slugOverride` fills `{{slug}}` verbatim: a path template gets the already rendered slug.
function renderTemplate(template: string, input: SlugInput, slugOverride: string | null): string {
  const unclosed = template.replace(/\{\{[^{}]*\}\}/g, '');
  if (unclosed.includes('{{') || unclosed.includes('}}')) {
    throw fail(
      'invalid-slug-template',
      `The file name template “${template}” has a “{{” without its “}}”. Fix it in the site’s CMS config.`,
    );
  }
  return template.replace(/\{\{([^{}]*)\}\}/g, (_whole, raw: string) => {
    const name = raw.trim();
    if (name === 'slug') return slugOverride ?? slugify(identifierText(input), input.slugOptions);
    const datePart = DATE_PARTS[name];
    if (datePart) return datePart(input.date);
    if (/^fields\.[\w-]+(\.[\w-]+)*$/.test(name))
      return fieldText(input.fields, name.slice('fields.'.length), input.slugOptions) ?? '';
    if (/^[\w-]+$/.test(name)) {
      const value = fieldText(input.fields, name, input.slugOptions);
      if (value !== undefined) return value;
    }
    throw fail(
      'invalid-slug-template',
      `The file name template “${template}” uses “{{${name}}}”, which Masthead does not know. Use {{slug}}, {{year}}, {{month}}, {{day}}, {{hour}}, {{minute}}, {{second}} or {{fields.name}}.`,
    );
  });
}

function identifierText(input: SlugInput): string {
  const value = input.fields[input.identifierField ?? 'title'];
  return typeof value === 'string' && value.trim() !== '' ? value : input.title;
}

// A field's value as slug text, following dotted paths into objects; undefined when the key is absent.
function fieldText(fields: FrontMatterData, path: string, options?: SlugOptions): string | undefined {
  let value: JsonValue | undefined = fields;
  for (const key of path.split('.')) value = isObject(value) ? value[key] : undefined;
  if (value === undefined) return undefined;
  if (value === null || value === '') return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const slug = slugify(text, options);
  // slugify never returns empty; an unsluggable value should not pretend to be "untitled".
  return slug === 'untitled' && slugify(`${text} x`, options) === 'x' ? '' : slug;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * The repo-relative POSIX path of a new entry: `folder/slug.extension`, or the collection's `path`
 * template (`{{slug}}/index`) under the folder. Throws `unsafe-path` for anything that would land
 * outside the folder or that Windows cannot name. `input` fills date and field placeholders in `path`.
 */
export function entryFilePath(collection: FolderCollection, slug: string, input?: SlugInput): string {
  const relative = collection.path === undefined ? slug : renderPath(collection.path, slug, input);
  checkRelativePath(relative, `The new file name “${relative}”`);
  if (!/^[A-Za-z0-9]+$/.test(collection.extension)) {
    throw fail(
      'unsafe-path',
      `The collection’s file extension “${collection.extension}” is not a plain extension like “md”.`,
    );
  }
  const folder = collection.folder.replace(/\/+$/, '');
  if (folder !== '') checkRelativePath(folder, `The collection folder “${folder}”`);
  return `${folder === '' ? '' : `${folder}/`}${relative}.${collection.extension}`;
}

function renderPath(template: string, slug: string, input: SlugInput | undefined): string {
  const given = input ?? { title: slug, date: new Date(), fields: {} };
  return renderTemplate(template, given, slug);
}

// Every rule that keeps a written path inside its folder and openable on Windows, macOS and Linux.
function checkRelativePath(path: string, what: string): void {
  const refuse = (why: string): never => {
    throw fail(
      'unsafe-path',
      `${what} ${why} Choose a different title or fix the collection in the site’s CMS config.`,
    );
  };
  if (path === '') refuse('is empty.');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being refused
  if (/[\u0000-\u001f\u007f]/.test(path)) refuse('contains control characters.');
  if (path.includes('\\')) refuse('contains a backslash; use “/” between folders.');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) refuse('is an absolute path; it must be inside the repository.');
  if (/[<>:"|?*]/.test(path)) refuse('contains a character Windows does not allow in file names (< > : " | ? *).');
  for (const segment of path.split('/')) {
    if (segment === '') refuse('has an empty folder name (“//”, or a “/” at the end).');
    if (segment === '.' || segment === '..') refuse('contains “.” or “..”, which would leave the collection folder.');
    if (/[. ]$/.test(segment))
      refuse(`has “${segment}”, which ends with a dot or a space; Windows cannot open such names.`);
    if (/^ /.test(segment)) refuse(`has “${segment}”, which starts with a space.`);
    if (WINDOWS_RESERVED.test(segment)) refuse(`has “${segment}”, a name Windows reserves for devices.`);
  }
}

/**
 * `path` itself when free, else `name-1.md`, `name-2.md`… (for a page bundle `slug/index.md`, the
 * folder is numbered: `slug-1/index.md`). Given a path already numbered, counting continues.
 */
export function uniqueEntryPath(path: string, exists: (p: string) => boolean): string {
  if (!exists(path)) return path;
  const segments = path.split('/');
  const file = segments.pop() ?? '';
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  const ext = dot > 0 ? file.slice(dot) : '';
  const bundle = (stem === 'index' || stem === '_index') && segments.length > 0;
  // The part that gets the number: the bundle's folder, or the file's stem.
  const base = bundle ? (segments.pop() ?? '') : stem;
  const build = (name: string): string => [...segments, ...(bundle ? [name, file] : [`${name}${ext}`])].join('/');
  const numbered = /^(.*)-(\d+)$/.exec(base);
  // `x-1.md` taken beside `x.md`: this is our own numbering, so go on with `x-2.md` rather than `x-1-1.md`.
  const [root, start] =
    numbered?.[1] && exists(build(numbered[1])) ? [numbered[1], Number(numbered[2]) + 1] : [base, 1];
  for (let n = start; ; n += 1) {
    const candidate = build(`${root}-${n}`);
    if (!exists(candidate)) return candidate;
  }
}

/** A date field as written into a new entry; the caller's hook honours the field's `format`. */
export type DateFieldFormatter = (field: Extract<SchemaField, { widget: 'datetime' | 'date' }>, date: Date) => string;

// Fields that hold the publication date and so start at "now".
const PUBLISH_DATE_KEYS =
  /^(date|pub_?date|publish_?date|published(_?at|_?on|_?date)?|posted(_?at|_?on)?|created(_?at)?)$/i;

/**
 * The front matter of a new entry: defaults (hidden ones like `templateKey` too), the title in the
 * identifier field, publication dates set to `input.date`, booleans false, nested objects filled
 * recursively, lists `[]` only when required. Optional fields without a default are left out.
 */
export function newEntryFrontMatter(
  fields: SchemaField[],
  input: { title: string; date: Date; identifierField?: string },
  formatDate: DateFieldFormatter = defaultDateFormat,
): FrontMatterData {
  return fillFields(fields, input, formatDate, true);
}

function fillFields(
  fields: SchemaField[],
  input: { title: string; date: Date; identifierField?: string },
  formatDate: DateFieldFormatter,
  top: boolean,
): FrontMatterData {
  const data: FrontMatterData = {};
  const identifier = input.identifierField ?? 'title';
  for (const field of fields) {
    const value =
      top && field.name === identifier && isTextual(field) ? input.title : initialValue(field, input, formatDate);
    if (value !== undefined) data[field.name] = value;
  }
  return data;
}

function isTextual(field: SchemaField): boolean {
  return (
    field.widget === 'string' ||
    field.widget === 'text' ||
    (field.widget === 'custom' && field.editor !== null && isTextual(field.editor))
  );
}

function initialValue(
  field: SchemaField,
  input: { title: string; date: Date },
  formatDate: DateFieldFormatter,
): JsonValue | undefined {
  if (field.widget === 'datetime' || field.widget === 'date') {
    // Decap's `{{now}}` default, a publication date, or a required date all start at the creation time.
    if (
      field.default === '{{now}}' ||
      (field.default === undefined && (PUBLISH_DATE_KEYS.test(field.name) || field.required))
    )
      return formatDate(field, input.date);
  }
  if (field.default !== undefined) return structuredCloneJson(field.default);
  switch (field.widget) {
    case 'boolean':
      return false;
    case 'object': {
      const nested = fillFields(field.fields, input, formatDate, false);
      return Object.keys(nested).length > 0 || field.required ? nested : undefined;
    }
    case 'list':
      return field.required ? [] : undefined;
    case 'select':
    case 'relation':
      return field.multiple && field.required ? [] : undefined;
    case 'string':
    case 'text':
    case 'markdown':
    case 'code':
    case 'color':
    case 'image':
    case 'file':
      // A required text starts empty so the form (and validation) ask for it right away.
      return field.required ? '' : undefined;
    case 'custom':
      return field.editor === null
        ? undefined
        : initialValue({ ...field.editor, name: field.name, required: field.required }, input, formatDate);
    default:
      return undefined;
  }
}

function defaultDateFormat(field: Extract<SchemaField, { widget: 'datetime' | 'date' }>, date: Date): string {
  const iso = date.toISOString();
  return field.widget === 'date' || field.timeFormat === false ? iso.slice(0, 10) : iso;
}

function structuredCloneJson(value: JsonValue): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
