/**
 * Reads a Decap CMS (Netlify CMS) `config.yml` into the ContentModel. Never throws: a YAML syntax
 * error gives a model with no collections and the error; anything wrong inside a valid file is a
 * ConfigProblem with the line of the offending key, and the rest of the config still loads. The YAML
 * is read as Decap itself reads it (`decap-yaml.ts`), so every config Decap loads loads here.
 */
import { toJsonValue } from '../json-values';
import {
  type ConfigPath,
  type RawObject,
  type ReportProblem,
  cleanFolder,
  isRawObject,
  own,
  readBoolean,
  readString,
  readStringList,
} from './config-values';
import { type DecapFieldContext, readDecapFields } from './decap-fields';
import { readCollectionI18n, readSiteI18n } from './decap-i18n';
import { loadDecapYaml } from './decap-yaml';
import type {
  CollectionSchema,
  CommitMessages,
  ConfigProblem,
  ContentModel,
  FileEntry,
  FolderCollection,
  I18nSettings,
  SlugOptions,
} from './types';
import { collectionId, repoFolder } from '../collection-ids';

type Format = FolderCollection['format'];

const FORMATS: readonly Format[] = [
  'frontmatter',
  'yaml-frontmatter',
  'toml-frontmatter',
  'json-frontmatter',
  'yaml',
  'toml',
  'json',
];
// Decap accepts `yml` as a spelling of the yaml data format.
const FORMAT_ALIASES: Readonly<Record<string, Format>> = { yml: 'yaml' };
// Decap picks the format from the extension when only the extension is given, and vice versa.
const FORMAT_OF_EXTENSION: Readonly<Record<string, Format>> = { yml: 'yaml', yaml: 'yaml', toml: 'toml', json: 'json' };
const EXTENSION_OF_FORMAT: Readonly<Record<Format, string>> = {
  frontmatter: 'md',
  'yaml-frontmatter': 'md',
  'toml-frontmatter': 'md',
  'json-frontmatter': 'md',
  yaml: 'yml',
  toml: 'toml',
  json: 'json',
};

/** Parses a Decap `config.yml` (`file` is its repo-relative path) into a ContentModel with problems. */
export function readDecapConfig(text: string, file: string): ContentModel {
  const yaml = loadDecapYaml(text);
  const problems: ConfigProblem[] = [];
  const model: ContentModel = { source: 'decap', configPath: file, commitMessages: {}, collections: [], problems };
  if (yaml.problem) problems.push({ file, ...yaml.problem });
  if (yaml.value === undefined) return model;

  const report = (path: ConfigPath, severity: ConfigProblem['severity'], message: string): void => {
    const at = yaml.locate(path);
    problems.push({ file, line: at?.line, column: at?.column, severity, message });
  };

  const root: unknown = yaml.value;
  if (!isRawObject(root)) {
    report([], 'error', 'The config should be a mapping of settings with a "collections" list.');
    return model;
  }

  const mediaFolder = readString(own(root, 'media_folder'));
  const publicFolder = readString(own(root, 'public_folder'));
  const siteUrl = readString(own(root, 'site_url'));
  const displayUrl = readString(own(root, 'display_url'));
  if (mediaFolder !== undefined) model.mediaFolder = cleanFolder(mediaFolder);
  if (publicFolder !== undefined) model.publicFolder = publicFolder;
  if (siteUrl !== undefined) model.siteUrl = siteUrl;
  if (displayUrl !== undefined) model.displayUrl = displayUrl;
  model.commitMessages = readCommitMessages(own(root, 'commit_messages'));
  const i18n = readSiteI18n(own(root, 'i18n'), report);
  if (i18n !== undefined) model.i18n = i18n;

  const rawCollections = own(root, 'collections');
  if (!Array.isArray(rawCollections)) {
    report(
      rawCollections === undefined ? [] : ['collections'],
      'error',
      'The config has no "collections" list, so Masthead cannot tell which folders hold posts.',
    );
    return model;
  }

  // First pass: which collections (and files) exist, so relations can be checked in any order.
  const targets = new Map<string, Set<string> | null>();
  const accepted: { raw: RawObject; index: number; name: string }[] = [];
  rawCollections.forEach((raw, index) => {
    const path = ['collections', index];
    if (!isRawObject(raw)) {
      report(
        path,
        'error',
        `Collection ${index + 1} should be a mapping with "name", "label" and "folder" or "files".`,
      );
      return;
    }
    const name = readString(own(raw, 'name'));
    if (name === undefined) {
      report(path, 'error', `Collection ${index + 1} has no "name"; it is skipped.`);
      return;
    }
    if (targets.has(name)) {
      report([...path, 'name'], 'error', `Collection "${name}" is defined twice; the second definition is skipped.`);
      return;
    }
    const folder = own(raw, 'folder');
    const files = own(raw, 'files');
    if (readString(folder) === undefined && !Array.isArray(files)) {
      report(
        path,
        'error',
        `Collection "${name}" has neither "folder" nor "files", so it has no entries; it is skipped.`,
      );
      return;
    }
    targets.set(
      name,
      Array.isArray(files)
        ? new Set(
            files
              .map((entry) => (isRawObject(entry) ? readString(own(entry, 'name')) : undefined))
              .filter((n): n is string => n !== undefined),
          )
        : null,
    );
    accepted.push({ raw, index, name });
  });

  const ctx: DecapFieldContext = { report, collections: targets };
  const slugOptions = readSlugOptions(own(root, 'slug'), report);
  for (const { raw, index, name } of accepted) {
    const collection = readCollection(raw, ['collections', index], name, ctx, i18n);
    if (slugOptions !== undefined && collection.kind === 'folder') collection.slugOptions = slugOptions;
    model.collections.push(collection);
  }
  return model;
}

/** Decap's top-level `slug: { encoding, clean_accents, sanitize_replacement }`; only keys the config sets. */
function readSlugOptions(raw: unknown, report: ReportProblem): SlugOptions | undefined {
  if (raw === undefined) return undefined;
  if (!isRawObject(raw)) {
    report(
      ['slug'],
      'warning',
      '"slug" should be a mapping with "encoding", "clean_accents" or "sanitize_replacement"; it is ignored.',
    );
    return undefined;
  }
  const options: SlugOptions = {};
  const encoding = readString(own(raw, 'encoding'))?.toLowerCase();
  if (encoding === 'unicode' || encoding === 'ascii') options.encoding = encoding;
  else if (encoding !== undefined)
    report(
      ['slug', 'encoding'],
      'warning',
      `slug.encoding "${encoding}" is neither "unicode" nor "ascii"; "unicode" is used.`,
    );
  const clean = own(raw, 'clean_accents');
  if (typeof clean === 'boolean') options.cleanAccents = clean;
  const replacement = readString(own(raw, 'sanitize_replacement'));
  // Decap refuses a replacement that is itself not allowed in a slug; so do we.
  if (replacement !== undefined && /^[\p{L}\p{N}_.~-]*$/u.test(replacement)) options.sanitizeReplacement = replacement;
  else if (replacement !== undefined)
    report(
      ['slug', 'sanitize_replacement'],
      'warning',
      `slug.sanitize_replacement "${replacement}" cannot appear in a file name; "-" is used.`,
    );
  return options;
}

/** One collection: a folder of entries, or a list of single files. */
function readCollection(
  raw: RawObject,
  path: ConfigPath,
  name: string,
  ctx: DecapFieldContext,
  siteI18n: I18nSettings | undefined,
): CollectionSchema {
  const label = readString(own(raw, 'label')) ?? name;
  const common = { name: collectionId(name), label, labelSingular: readString(own(raw, 'label_singular')) ?? label };
  const description = readString(own(raw, 'description'));
  // An empty media_folder is meaningful here (files beside the entry), so '' is kept.
  const mediaFolder = folderSetting(own(raw, 'media_folder'));
  const publicFolder = folderSetting(own(raw, 'public_folder'));
  const extras: { description?: string; mediaFolder?: string; publicFolder?: string } = {};
  if (description !== undefined) extras.description = description;
  if (mediaFolder !== undefined) extras.mediaFolder = collectionMediaFolder(mediaFolder);
  // The public folder is a URL path (or entry-relative), written into posts as is.
  if (publicFolder !== undefined) extras.publicFolder = publicFolder;

  const folder = readString(own(raw, 'folder'));
  if (folder === undefined) {
    const files = own(raw, 'files') as unknown[];
    if (own(raw, 'i18n') !== undefined) {
      ctx.report(
        [...path, 'i18n'],
        'warning',
        `Collection "${name}": Masthead translates folder collections only; these files are edited as they are.`,
      );
    }
    return { kind: 'file', ...common, ...extras, files: readFiles(files, [...path, 'files'], name, ctx) };
  }

  const owner = `Collection "${name}"`;
  const { format, extension } = readFormat(raw, path, owner, ctx);
  const dataFile = format === 'yaml' || format === 'toml' || format === 'json';
  const i18n = readCollectionI18n(own(raw, 'i18n'), siteI18n, path, owner, ctx.report);
  let fields = readDecapFields(own(raw, 'fields'), [...path, 'fields'], owner, ctx);
  // Decap stores the `body` field as the Markdown after the front matter; data files have no body,
  // and neither does a single_file translation, whose bodies sit in each locale's mapping.
  let bodyField: string | null = null;
  if (!dataFile && i18n?.structure !== 'single_file') {
    bodyField = 'body';
    fields = fields.filter((field) => field.name !== 'body');
  }
  const collection: FolderCollection = {
    kind: 'folder',
    ...common,
    ...extras,
    folder: repoFolder(cleanFolder(folder)),
    extension,
    format,
    slug: readString(own(raw, 'slug')) ?? '{{slug}}',
    identifierField: readString(own(raw, 'identifier_field')) ?? 'title',
    sortableFields: readSortableFields(own(raw, 'sortable_fields')),
    // Decap only lets writers add entries when the collection says `create: true`.
    create: readBoolean(own(raw, 'create'), false),
    fields,
    bodyField,
    inferred: false,
  };
  if (i18n !== undefined) collection.i18n = i18n;
  const nested = own(raw, 'nested');
  if (isRawObject(nested)) {
    const depth = own(nested, 'depth');
    collection.nested = { depth: typeof depth === 'number' && depth >= 1 ? Math.floor(depth) : 100 };
  }
  const entryPath = readString(own(raw, 'path'));
  const summary = readString(own(raw, 'summary'));
  if (entryPath !== undefined) collection.path = entryPath;
  if (summary !== undefined) collection.summary = summary;
  const filter = own(raw, 'filter');
  const filterField = isRawObject(filter) ? readString(own(filter, 'field')) : undefined;
  const filterPattern = isRawObject(filter) ? readString(own(filter, 'pattern')) : undefined;
  if (isRawObject(filter) && filterField !== undefined && own(filter, 'value') !== undefined) {
    collection.filter = { field: filterField, value: toJsonValue(own(filter, 'value')) };
  } else if (filterField !== undefined && filterPattern !== undefined) {
    // Decap 3 also filters by a regular expression over the field's value.
    collection.filter = { field: filterField, pattern: filterPattern };
  } else if (filter !== undefined) {
    ctx.report(
      [...path, 'filter'],
      'warning',
      `${owner}: "filter" needs a "field" and a "value" (or a "pattern"); it is ignored.`,
    );
  }
  return collection;
}

/** The `format` and `extension` of a folder collection, each defaulting from the other as in Decap. */
function readFormat(
  raw: RawObject,
  path: ConfigPath,
  owner: string,
  ctx: DecapFieldContext,
): { format: Format; extension: string } {
  const rawFormat = readString(own(raw, 'format'));
  const extension = readString(own(raw, 'extension'))?.replace(/^\./, '');
  let format: Format | undefined;
  if (rawFormat !== undefined) {
    format = FORMAT_ALIASES[rawFormat] ?? FORMATS.find((known) => known === rawFormat);
    if (format === undefined) {
      ctx.report(
        [...path, 'format'],
        'error',
        `${owner}: format "${rawFormat}" is unknown (expected one of ${FORMATS.join(', ')}); entries are read as Markdown with front matter.`,
      );
    }
  }
  format ??= (extension !== undefined ? FORMAT_OF_EXTENSION[extension] : undefined) ?? 'frontmatter';
  return { format, extension: extension ?? EXTENSION_OF_FORMAT[format] };
}

/** The entries of a file collection; each needs a `name` and a `file`. */
function readFiles(raw: unknown[], path: ConfigPath, collection: string, ctx: DecapFieldContext): FileEntry[] {
  const entries: FileEntry[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const at = [...path, index];
    const name = isRawObject(item) ? readString(own(item, 'name')) : undefined;
    const file = isRawObject(item) ? readString(own(item, 'file')) : undefined;
    if (!isRawObject(item) || name === undefined || file === undefined) {
      ctx.report(
        at,
        'error',
        `Collection "${collection}": file ${index + 1} needs a "name" and a "file" path; it is skipped.`,
      );
      return;
    }
    if (seen.has(name)) {
      ctx.report(
        [...at, 'name'],
        'error',
        `Collection "${collection}": file "${name}" is defined twice; the second definition is skipped.`,
      );
      return;
    }
    seen.add(name);
    const owner = `Collection "${collection}", file "${name}"`;
    entries.push({
      name,
      label: readString(own(item, 'label')) ?? name,
      file: cleanFolder(file),
      fields: readDecapFields(own(item, 'fields'), [...at, 'fields'], owner, ctx),
    });
  });
  return entries;
}

/** `sortable_fields`: a list of names, or (Decap 3) `{fields: [...], default: {...}}`, or `{field}` items. */
function readSortableFields(raw: unknown): string[] {
  if (isRawObject(raw)) return readSortableFields(own(raw, 'fields'));
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => (isRawObject(item) ? readStringList(own(item, 'field')) : readStringList(item)));
}

/** Decap writes `commit_messages` keys in camelCase already; snake_case spellings are accepted too. */
function readCommitMessages(raw: unknown): CommitMessages {
  const messages: CommitMessages = {};
  if (!isRawObject(raw)) return messages;
  const keys: [keyof CommitMessages, string[]][] = [
    ['create', ['create']],
    ['update', ['update']],
    ['delete', ['delete']],
    ['uploadMedia', ['uploadMedia', 'upload_media']],
    ['deleteMedia', ['deleteMedia', 'delete_media']],
  ];
  for (const [key, spellings] of keys) {
    const value = spellings.map((spelling) => readString(own(raw, spelling))).find((v) => v !== undefined);
    if (value !== undefined) messages[key] = value;
  }
  return messages;
}

/** A collection media folder: `/…` is repo-relative (leading slash dropped), anything else is relative to the entry. */
/** A collection's media or public folder: any string, the empty one included. */
function folderSetting(value: unknown): string | undefined {
  return typeof value === 'string' ? value : readString(value);
}

function collectionMediaFolder(folder: string): string {
  if (folder.startsWith('/')) return cleanFolder(folder);
  if (folder.startsWith('./') || folder.startsWith('../')) return folder.replace(/\/+$/, '');
  return folder === '' ? './' : `./${folder.replace(/\/+$/, '')}`;
}
