/**
 * Checks of every request's argument: the renderer (or, in web mode, a web page) is untrusted
 * input, so each handler checks shapes, sizes and depths before it acts. Failures are
 * 'bad-request' errors naming the request and what was wrong.
 */
import type {
  ConflictChoice,
  FrontMatterData,
  JournalEntry,
  JsonValue,
  MediaImportRequest,
  RawSaveRequest,
  RecreateRequest,
  RelationQuery,
  SaveRequest,
} from '../shared/api';
import { fail } from '../shared/errors';

/** Longest string accepted for a path or version argument. */
const MAX_PATH_LENGTH = 4096;
/** Deepest nesting accepted in front matter (real front matter is a few levels deep). */
export const MAX_JSON_DEPTH = 64;
export function badRequest(request: string, why: string) {
  return fail('bad-request', `The request “${request}” was malformed: ${why}.`);
}

export function checkNull(arg: unknown, request: string): void {
  // `undefined` too: an HTTP body or IPC call may simply leave the argument out.
  if (arg !== null && arg !== undefined) throw badRequest(request, 'it takes no argument');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function checkString(value: unknown, field: string, request: string, allowEmpty = false): string {
  if (typeof value !== 'string') throw badRequest(request, `“${field}” must be a string`);
  if (!allowEmpty && value === '') throw badRequest(request, `“${field}” is empty`);
  if (field !== 'body' && value.length > MAX_PATH_LENGTH) throw badRequest(request, `“${field}” is too long`);
  return value;
}

export function checkPathArg(arg: unknown, request: string): string {
  if (!isPlainObject(arg)) throw badRequest(request, 'expected an object with a “path”');
  return checkString(arg.path, 'path', request);
}

export function checkSaveRequest(arg: unknown, request: string): SaveRequest {
  if (!isPlainObject(arg)) throw badRequest(request, 'expected an object with path, baseVersion, frontMatter and body');
  const frontMatter = arg.frontMatter;
  if (!isPlainObject(frontMatter) || !isJsonValue(frontMatter, 0)) {
    throw badRequest(
      request,
      '“frontMatter” must be an object of JSON values (text, numbers, true/false, null, lists, objects)',
    );
  }
  // A fresh object with only the known fields: nothing extra from the wire travels further.
  return {
    path: checkString(arg.path, 'path', request),
    baseVersion: checkString(arg.baseVersion, 'baseVersion', request),
    frontMatter: frontMatter as FrontMatterData,
    body: checkString(arg.body, 'body', request, true),
  };
}

export function checkJournalEntry(arg: unknown): JournalEntry {
  const request = 'journal:write';
  const edits = checkSaveRequest(arg, request);
  const editedAt = checkString((arg as Record<string, unknown>).editedAt, 'editedAt', request);
  if (Number.isNaN(Date.parse(editedAt))) throw badRequest(request, '“editedAt” must be an ISO timestamp');
  return { ...edits, editedAt };
}

export function checkConflictChoices(value: unknown, request: string): Record<string, ConflictChoice> {
  if (!isPlainObject(value)) throw badRequest(request, '“choices” must be an object of conflict ids to choices');
  const choices: Record<string, ConflictChoice> = {};
  for (const [id, choice] of Object.entries(value)) {
    if (choice === 'mine' || choice === 'theirs') choices[id] = choice;
    else if (isPlainObject(choice) && typeof choice.text === 'string')
      choices[id] = { text: checkString(choice.text, 'body', request, true) };
    else throw badRequest(request, `the choice for “${id.slice(0, 100)}” must be "mine", "theirs" or { text }`);
  }
  return choices;
}

export function checkStringList(value: unknown, field: string, request: string): string[] {
  if (!Array.isArray(value) || value.length > 20)
    throw badRequest(request, `“${field}” must be a short list of field names`);
  return value.map((item) => checkString(item, field, request));
}

export function checkRelationQuery(arg: unknown): RelationQuery {
  const request = 'relation:options';
  if (!isPlainObject(arg)) throw badRequest(request, 'expected an object describing the relation');
  return {
    collection: checkString(arg.collection, 'collection', request),
    ...(arg.file === undefined ? {} : { file: checkString(arg.file, 'file', request) }),
    valueField: checkString(arg.valueField, 'valueField', request),
    searchFields: checkStringList(arg.searchFields, 'searchFields', request),
    displayFields: checkStringList(arg.displayFields, 'displayFields', request),
    query: checkString(arg.query, 'query', request, true),
  };
}

/** True for a JSON value made of plain data only: finite numbers, no functions, no class instances. */
export function isJsonValue(value: unknown, depth: number): value is JsonValue {
  if (depth > MAX_JSON_DEPTH) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
      return isPlainObject(value) && Object.values(value).every((item) => isJsonValue(item, depth + 1));
    default:
      return false;
  }
}

/** Longest base64 image accepted by 'media:import': 20 MB of bytes, as base64 (4 characters per 3 bytes). */
export const MAX_MEDIA_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4;

/** The argument of 'media:import': post, file name, base64 bytes and a field's optional folders. */
export function checkMediaImport(arg: unknown): MediaImportRequest {
  const request = 'media:import';
  if (!isPlainObject(arg)) throw badRequest(request, 'expected an object with “post”, “name” and “data”');
  const data = arg.data;
  if (typeof data !== 'string' || data === '') throw badRequest(request, '“data” must be the image as base64');
  if (data.length > MAX_MEDIA_BASE64) throw badRequest(request, 'the image is larger than 20 MB');
  if (!isBase64(data)) throw badRequest(request, '“data” is not valid base64');
  const folders: { mediaFolder?: string; publicFolder?: string; forField?: true } = {};
  if (arg.mediaFolder !== undefined) folders.mediaFolder = checkString(arg.mediaFolder, 'mediaFolder', request, true);
  if (arg.publicFolder !== undefined)
    folders.publicFolder = checkString(arg.publicFolder, 'publicFolder', request, true);
  if (arg.forField !== undefined && typeof arg.forField !== 'boolean')
    throw badRequest(request, '“forField” must be true or false');
  if (arg.forField === true) folders.forField = true;
  return {
    post: checkString(arg.post, 'post', request),
    name: checkString(arg.name, 'name', request),
    data,
    ...folders,
  };
}

/** 'post:save-raw': a path, the version the text was based on, and the text (any length a post may have). */
export function checkRawSaveRequest(arg: unknown): RawSaveRequest {
  const request = 'post:save-raw';
  if (!isPlainObject(arg)) throw badRequest(request, 'expected an object with path, baseVersion and text');
  if (typeof arg.text !== 'string') throw badRequest(request, '“text” must be a string');
  return {
    path: checkString(arg.path, 'path', request),
    baseVersion: checkString(arg.baseVersion, 'baseVersion', request),
    text: arg.text,
  };
}

/** 'post:recreate': a save request plus the post's front-matter syntax. */
export function checkRecreateRequest(arg: unknown): RecreateRequest {
  const request = 'post:recreate';
  const edits = checkSaveRequest(arg, request);
  const format = (arg as Record<string, unknown>).format;
  if (format !== 'yaml' && format !== 'toml' && format !== 'json' && format !== 'none')
    throw badRequest(request, '“format” must be yaml, toml, json or none');
  return { ...edits, format };
}

/**
 * True for padded standard base64. Written as a search for a stray character: on 27 MB it takes
 * about 30 ms, where an anchored whole-string pattern or a character loop takes 250–650 ms.
 */
function isBase64(data: string): boolean {
  if (data.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(data)) return false;
  const padding = data.indexOf('=');
  // `=` only as the last one or two characters.
  return padding === -1 || padding === data.length - 1 || (padding === data.length - 2 && data.endsWith('=='));
}
