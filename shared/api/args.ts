/**
 * The argument of every request, declared once as a valibot schema: the TypeScript type is inferred
 * from it and main/request-checks.ts checks untrusted arguments against it (the renderer, or in web
 * mode any web page, may send anything). A refusal names the field; unknown fields are dropped.
 */
import * as v from 'valibot';
import { collectionIdSchema } from '../content/collection-ids';
import { SEO_ROLES, type SeoRole } from '../seo/types';
import { isPlainObject } from './json';
import { fields, flag, frontMatter, keyed, longText, optionalText, pathText, requiredText } from './fields';

/** Requests about one post (or file): `{ path }`. */
export const pathArg = fields({ path: pathText }, 'expected an object with a “path”');

/** `posts:list`: the version of the list the page already holds, if any. */
export const postListRequest = fields(
  { known: v.optional(requiredText) },
  'expected an object (with the “known” list version)',
);

/** `seo:context`: the post, and the version of the SEO catalog the page already holds, if any. */
export const seoContextRequest = fields(
  { path: pathText, known: v.optional(requiredText) },
  'expected an object with a “path” (and the “known” catalog version)',
);

/** What the editor sends to save (and to publish): the post as edited, and the version it is based on. */
export const saveRequestFields = {
  path: pathText,
  /** The `version` the edits are based on. */
  baseVersion: requiredText,
  /** The whole front matter as edited; the back end patches only values that differ from the file. */
  frontMatter,
  /** The whole Markdown body (LF line endings). */
  body: longText,
};

/** What the editor sends to save (and to publish). */
export const saveRequest = fields(saveRequestFields, 'expected an object with path, baseVersion, frontMatter and body');
export type SaveRequest = v.InferOutput<typeof saveRequest>;

/** Writes a post deleted on disk while open back at its path, from the editor's fields and body. */
export const recreateRequest = fields(
  {
    ...saveRequestFields,
    /** The front-matter syntax the post had. */
    format: v.picklist(['yaml', 'toml', 'json', 'none'], 'must be yaml, toml, json or none'),
  },
  'expected an object with path, baseVersion, frontMatter, body and format',
);
export type RecreateRequest = v.InferOutput<typeof recreateRequest>;

/**
 * The writer's unsaved edits of one post, journalled by the back end within a second of typing so
 * a crash, a reload or a killed process loses nothing. Kept in the app's data folder, never in the
 * repository.
 */
export const journalEntry = fields(
  {
    ...saveRequestFields,
    /** ISO timestamp of the last edit the entry holds. */
    editedAt: v.pipe(
      requiredText,
      v.check((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO timestamp'),
    ),
  },
  'expected an object with path, baseVersion, frontMatter, body and editedAt',
);
export type JournalEntry = v.InferOutput<typeof journalEntry>;

/** The edited post whose images a publish would take along ('media:added'). */
export const editedPost = fields(
  { path: pathText, frontMatter, body: longText },
  'expected an object with path, frontMatter and body',
);

/** The writer's raw text for a post, written exactly as given (UTF-8), if the file is still `baseVersion`. */
export const rawSaveRequest = fields(
  { path: pathText, baseVersion: requiredText, text: longText },
  'expected an object with path, baseVersion and text',
);
export type RawSaveRequest = v.InferOutput<typeof rawSaveRequest>;

/** One version of a post ('post:version'): the post and an id from 'post:history'. */
export const versionRequest = fields(
  { path: pathText, id: requiredText },
  'expected an object with a “path” and an “id”',
);

/** A new post: which collection (its id) and the title the writer gave it. */
export const createPostRequest = fields(
  { collection: collectionIdSchema, title: optionalText },
  'expected an object with a “collection” and a “title”',
);
export type CreatePostRequest = v.InferOutput<typeof createPostRequest>;

/** A new translation of an open post: the post's path and the locale to add (a locale of its collection). */
export const translateRequest = fields(
  { path: pathText, locale: requiredText },
  'expected an object with a “path” and a “locale”',
);
export type TranslateRequest = v.InferOutput<typeof translateRequest>;

/** A short list of field names (a relation's search and display fields). */
const fieldNames = v.pipe(
  v.array(requiredText, 'must be a short list of field names'),
  v.maxLength(20, 'must be a short list of field names'),
);

/** What a relation field asks for: the choices among the entries of the collection it points at. */
export const relationQuery = fields(
  {
    /** The target collection's id (its name in the content model). */
    collection: collectionIdSchema,
    /** The entry of a file collection, when the target is one. */
    file: v.optional(requiredText),
    valueField: requiredText,
    searchFields: fieldNames,
    displayFields: fieldNames,
    /** What the writer typed; empty lists the first choices. */
    query: optionalText,
  },
  'expected an object describing the relation',
);
export type RelationQuery = v.InferOutput<typeof relationQuery>;

/** Which front-matter key feeds each SEO role ('seo:set-mapping'); roles the app does not know are dropped. */
const seoMapping = v.object(
  Object.fromEntries(SEO_ROLES.map((role) => [role, v.optional(optionalText)])) as {
    [R in SeoRole]: v.OptionalSchema<typeof optionalText, undefined>;
  },
  'must be an object of SEO roles to front-matter keys',
);

/** Stores the field mapping of one collection ('' for posts outside any collection). */
export const seoMappingRequest = fields(
  {
    collection: v.pipe(optionalText, v.brand('CollectionId')),
    mapping: v.pipe(v.custom<Record<string, unknown>>(isPlainObject, 'must be an object'), seoMapping),
  },
  'expected a “collection” and a “mapping” object',
);

/** An image a post refers to: the post and the `src` it writes. */
export const mediaRef = fields({ post: pathText, src: requiredText }, 'expected an object with “post” and “src”');

/** Longest base64 image accepted by 'media:import': 20 MB of bytes, as base64 (4 characters per 3 bytes). */
export const MAX_MEDIA_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4;

/** An image to copy into the site's media folder for a post (see 'media:import'). */
export const mediaImportRequest = fields(
  {
    /** The post the image is for: its folder, collection and bundle decide where the file goes. */
    post: pathText,
    /** The file's name as the writer had it (`Screenshot 2026-03-01.png`), slugged for the new file. */
    name: requiredText,
    /** The bytes, base64: both transports carry JSON-safe strings alike. */
    data: v.pipe(
      v.string('must be the image as base64'),
      v.nonEmpty('must be the image as base64'),
      v.maxLength(MAX_MEDIA_BASE64, 'is larger than 20 MB'),
      v.check(isBase64, 'is not valid base64'),
    ),
    /** A front-matter field's own folders (Decap field `media_folder` / `public_folder`), when it has them. */
    mediaFolder: v.optional(optionalText),
    publicFolder: v.optional(optionalText),
    /** True for a front-matter image field: Astro's `image()` fields take a path relative to the entry, into `src/assets`. */
    forField: v.optional(flag),
  },
  'expected an object with “post”, “name” and “data”',
);
export type MediaImportRequest = v.InferOutput<typeof mediaImportRequest>;

/** The writer's answer to one conflict: their side, the other side, or text they wrote (a block's Markdown, or a field's value as YAML). */
const conflictChoice = v.union(
  [v.literal('mine'), v.literal('theirs'), fields({ text: longText }, 'must be "mine", "theirs" or { text }')],
  'must be "mine", "theirs" or { text }',
);
export type ConflictChoice = v.InferOutput<typeof conflictChoice>;

/** Publishes a post with the writer's choice for every conflict of its pending merge. */
export const resolveMergeRequest = fields(
  { path: pathText, choices: keyed(conflictChoice, 'must be an object of conflict ids to choices') },
  'expected an object with a “path” and “choices”',
);

/** The writer's sign-in for a 'credentials:needed' question. The token never comes back out of the back end. */
export const credentialsAnswer = fields(
  {
    /** Identifies the question answered. */
    requestId: requiredText,
    username: requiredText,
    token: requiredText,
    /** Keep it on this computer (encrypted by the OS keychain) once git has accepted it. */
    remember: flag,
  },
  'expected requestId, username, token and remember',
);
export type CredentialsAnswer = v.InferOutput<typeof credentialsAnswer>;

/** A question to decline ('credentials:cancel'). */
export const credentialsRequestId = fields({ requestId: requiredText }, 'expected an object with a “requestId”');

/** A host whose sign-in to forget. */
export const credentialsHost = fields({ host: requiredText }, 'expected an object with a “host”');

/** The writer's preferences for one repository, kept between runs. */
export const repoSettings = v.object({
  /**
   * Save the open post to its file by itself after about two seconds without typing. Off by
   * default: the journal already keeps every word, and each file write makes a site's dev server
   * rebuild and shows the post as changed in git mid-sentence.
   */
  autosave: flag,
  /** Publish from the keyboard (Ctrl/Cmd+Shift+Enter) at once, without first showing what will be published. */
  publishWithoutAsking: flag,
  /** Focus mode: panes hidden and every paragraph but the caret's dimmed. */
  focusMode: flag,
  /** Typewriter scrolling: the caret's line stays in the middle of the page. */
  typewriterScrolling: flag,
});
export type RepoSettings = v.InferOutput<typeof repoSettings>;

/** Some of the repository's settings, to change ('settings:set'). */
export const repoSettingsChange = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, 'expected an object of settings'),
  v.partial(repoSettings),
);

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
