/**
 * Reads a Front Matter CMS `frontmatter.json` into the ContentModel: each page folder becomes a
 * folder collection whose fields come from its content types. The file is JSON with comments (VS
 * Code settings style), read with jsonc-parser (./jsonc.ts) so syntax errors carry a line and column.
 * Settings may be written flat (`"frontMatter.content.pageFolders"`) or nested; both are read.
 */
import { humanizeKey } from '../fields';
import {
  cleanFolder,
  type ConfigPath,
  type RawObject,
  isRawObject,
  own,
  readBoolean,
  readString,
  readStringList,
} from './config-values';
import { type FmFieldContext, readFmFields } from './frontmatter-cms-fields';
import { lineColumnOf, parseJsonc, pathKey } from './jsonc';
import type { ConfigProblem, ContentModel, FolderCollection, SchemaField } from './types';
import { collectionId, repoFolder } from '../collection-ids';

interface Setting {
  value: unknown;
  path: ConfigPath;
}

interface ContentType {
  name: string;
  raw: RawObject;
  path: ConfigPath;
}

/** Parses a Front Matter CMS `frontmatter.json` (`file` is its repo-relative path) into a ContentModel. */
export function readFrontMatterCmsConfig(text: string, file: string): ContentModel {
  const problems: ConfigProblem[] = [];
  const model: ContentModel = {
    source: 'frontmatter-cms',
    configPath: file,
    commitMessages: {},
    collections: [],
    problems,
  };
  const parsed = parseJsonc(text);
  if (!parsed.ok) {
    const at = lineColumnOf(text, parsed.offset);
    problems.push({
      file,
      line: at.line,
      column: at.column,
      severity: 'error',
      message: `The settings file is not valid JSON: ${parsed.message}.`,
    });
    return model;
  }
  const report = (path: ConfigPath, severity: ConfigProblem['severity'], message: string): void => {
    // The deepest part of the path that has a position: problems about a missing key point at its parent.
    let offset: number | undefined;
    for (let length = path.length; length >= 0 && offset === undefined; length--)
      offset = parsed.offsets.get(pathKey(path.slice(0, length)));
    const at = offset === undefined ? undefined : lineColumnOf(text, offset);
    problems.push({ file, line: at?.line, column: at?.column, severity, message });
  };
  const root = parsed.value;
  if (!isRawObject(root)) {
    report([], 'error', 'The settings file should be a JSON object of "frontMatter.…" settings.');
    return model;
  }
  const setting = (name: string): Setting | undefined => settingOf(root, name);

  const contentTypes = readContentTypes(setting('frontMatter.taxonomy.contentTypes'), report);
  const folders = setting('frontMatter.content.pageFolders');
  if (!folders || !Array.isArray(folders.value)) {
    report(
      folders?.path ?? [],
      'error',
      'The settings have no "frontMatter.content.pageFolders" list, so Masthead cannot tell which folders hold content.',
    );
    return model;
  }

  const publicFolder = setting('frontMatter.content.publicFolder')?.value;
  const publicPath = readString(isRawObject(publicFolder) ? own(publicFolder, 'path') : publicFolder);
  if (publicPath !== undefined) {
    // Front Matter's public folder holds static files served from the site root (Astro `public/`, Hugo `static/`).
    model.mediaFolder = cleanFolder(stripWorkspace(publicPath));
    model.publicFolder = '/';
  }
  const siteUrl = readString(setting('frontMatter.site.baseURL')?.value);
  if (siteUrl !== undefined) model.siteUrl = siteUrl;
  const defaultFileType = fileTypeOf(setting('frontMatter.content.defaultFileType')?.value) ?? 'md';
  const supportedFileTypes = readFileTypes(setting('frontMatter.content.supportedFileTypes'));
  const format: FolderCollection['format'] =
    readString(setting('frontMatter.taxonomy.frontMatterType')?.value)?.toUpperCase() === 'TOML'
      ? 'toml-frontmatter'
      : 'frontmatter';

  // First pass: name the collections and pick their content types, so relations can find them.
  const planned: {
    raw: RawObject;
    path: ConfigPath;
    name: string;
    folder: string;
    types: ContentType[];
    explicit: boolean;
  }[] = [];
  const names = new Set<string>();
  folders.value.forEach((raw, index) => {
    const path = [...folders.path, index];
    const folderPath = isRawObject(raw) ? readString(own(raw, 'path')) : undefined;
    if (!isRawObject(raw) || folderPath === undefined) {
      report(path, 'error', `Page folder ${index + 1} has no "path"; it is skipped.`);
      return;
    }
    const folder = cleanFolder(stripWorkspace(folderPath));
    const title = readString(own(raw, 'title'));
    let name = slugify(title ?? '') || slugify(folder.split('/').pop() ?? '') || `folder-${index + 1}`;
    for (let n = 2; names.has(name); n++) name = `${slugify(title ?? folder)}-${n}`;
    names.add(name);
    const listed = readStringList(own(raw, 'contentTypes'));
    const types = listed.flatMap((typeName) => {
      const type = contentTypes.get(typeName);
      if (!type)
        report(
          [...path, 'contentTypes'],
          'warning',
          `Page folder "${title ?? folder}": content type "${typeName}" is not defined in frontMatter.taxonomy.contentTypes.`,
        );
      return type ? [type] : [];
    });
    if (types.length === 0) {
      // Front Matter's own fallback: the content type named "default", else the first one.
      const fallback = contentTypes.get('default') ?? [...contentTypes.values()][0];
      if (fallback) types.push(fallback);
    }
    planned.push({ raw, path, name, folder, types, explicit: listed.length > 0 });
  });

  const ctx: FmFieldContext = {
    report,
    taxonomies: readTaxonomies(setting),
    fieldGroups: readFieldGroups(setting('frontMatter.taxonomy.fieldGroups')),
    dataTypes: readDataTypes(setting('frontMatter.data.types'), report),
    collectionOfContentType: (typeName) =>
      (
        planned.find((p) => p.explicit && p.types.some((t) => t.name === typeName)) ??
        planned.find((p) => p.types.some((t) => t.name === typeName))
      )?.name,
  };
  const fieldsOfType = new Map<string, SchemaField[]>();
  const fieldsOf = (type: ContentType): SchemaField[] => {
    let fields = fieldsOfType.get(type.name);
    if (!fields) {
      fields = readFmFields(own(type.raw, 'fields'), [...type.path, 'fields'], `Content type "${type.name}"`, ctx);
      fieldsOfType.set(type.name, fields);
    }
    return fields;
  };

  for (const { raw, name, folder, types } of planned) {
    const title = readString(own(raw, 'title')) ?? name;
    const [first] = types;
    // New entries get the content type's file type, else the site's default; existing ones may have any supported type.
    const extension = (first && fileTypeOf(own(first.raw, 'fileType'))) ?? defaultFileType;
    const collection: FolderCollection = {
      kind: 'folder',
      name: collectionId(name),
      label: title,
      // "New Post" reads better than "New Blog"; a type named "default" says nothing, so the title is used.
      labelSingular: first && first.name !== 'default' ? humanizeKey(first.name) : title,
      folder: repoFolder(folder),
      extension,
      extensions: supportedFileTypes.includes(extension) ? supportedFileTypes : [extension, ...supportedFileTypes],
      format,
      slug: '{{slug}}',
      identifierField: 'title',
      sortableFields: [],
      create: !readBoolean(own(raw, 'disableCreation'), false),
      fields: mergeFields(types.map(fieldsOf)),
      bodyField: 'body',
      inferred: false,
    };
    if (first && readBoolean(own(first.raw, 'pageBundle'), false)) collection.path = '{{slug}}/index';
    model.collections.push(collection);
  }
  return model;
}

/** The settings value at a dotted name, written flat (VS Code style) or as nested objects. */
function settingOf(root: RawObject, name: string): Setting | undefined {
  const flat = own(root, name);
  if (flat !== undefined) return { value: flat, path: [name] };
  let value: unknown = root;
  const path: ConfigPath = [];
  for (const part of name.split('.')) {
    if (!isRawObject(value)) return undefined;
    value = own(value, part);
    path.push(part);
  }
  return value === undefined ? undefined : { value, path };
}

/** Front Matter's default for `frontMatter.content.supportedFileTypes`. */
const DEFAULT_FILE_TYPES = ['md', 'markdown', 'mdx'];

/** A file type as Front Matter writes it (`mdx` or `.mdx`), lower-case without the dot. */
function fileTypeOf(value: unknown): string | undefined {
  const type = readString(value)?.trim().replace(/^\./, '').toLowerCase();
  return type ? type : undefined;
}

/** The file types content may have (`frontMatter.content.supportedFileTypes`), Front Matter's default when unset. */
function readFileTypes(setting: Setting | undefined): string[] {
  if (!setting || !Array.isArray(setting.value)) return DEFAULT_FILE_TYPES;
  const types = setting.value.flatMap((value) => fileTypeOf(value) ?? []);
  return types.length > 0 ? [...new Set(types)] : DEFAULT_FILE_TYPES;
}

/** Content types by name (later duplicates are reported and ignored). */
function readContentTypes(setting: Setting | undefined, report: FmFieldContext['report']): Map<string, ContentType> {
  const types = new Map<string, ContentType>();
  if (!setting || !Array.isArray(setting.value)) return types;
  setting.value.forEach((raw, index) => {
    const path = [...setting.path, index];
    const name = isRawObject(raw) ? readString(own(raw, 'name')) : undefined;
    if (!isRawObject(raw) || name === undefined)
      report(path, 'error', `Content type ${index + 1} has no "name"; it is skipped.`);
    else if (types.has(name))
      report(path, 'error', `Content type "${name}" is defined twice; the second definition is skipped.`);
    else types.set(name, { name, raw, path });
  });
  return types;
}

/** Tags, categories and custom taxonomies with their listed values. */
function readTaxonomies(setting: (name: string) => Setting | undefined): Map<string, string[]> {
  const taxonomies = new Map<string, string[]>();
  for (const id of ['tags', 'categories']) {
    const values = setting(`frontMatter.taxonomy.${id}`)?.value;
    if (Array.isArray(values)) taxonomies.set(id, readStringList(values));
  }
  const custom = setting('frontMatter.taxonomy.customTaxonomy')?.value;
  if (Array.isArray(custom)) {
    for (const item of custom) {
      const id = isRawObject(item) ? readString(own(item, 'id')) : undefined;
      if (id !== undefined && isRawObject(item)) taxonomies.set(id, readStringList(own(item, 'options')));
    }
  }
  return taxonomies;
}

/** Field groups used by block fields, by id. */
function readFieldGroups(setting: Setting | undefined): Map<string, { fields: unknown; path: ConfigPath }> {
  const groups = new Map<string, { fields: unknown; path: ConfigPath }>();
  if (!setting || !Array.isArray(setting.value)) return groups;
  setting.value.forEach((item, index) => {
    const id = isRawObject(item) ? readString(own(item, 'id')) : undefined;
    if (id !== undefined && isRawObject(item))
      groups.set(id, { fields: own(item, 'fields'), path: [...setting.path, index, 'fields'] });
  });
  return groups;
}

/** Data types (`{ id, schema }`) by id, for json fields; later duplicates are reported and ignored. */
function readDataTypes(
  setting: Setting | undefined,
  report: FmFieldContext['report'],
): Map<string, { schema: unknown; path: ConfigPath }> {
  const types = new Map<string, { schema: unknown; path: ConfigPath }>();
  if (!setting || !Array.isArray(setting.value)) return types;
  setting.value.forEach((raw, index) => {
    const path = [...setting.path, index];
    const id = isRawObject(raw) ? readString(own(raw, 'id')) : undefined;
    if (!isRawObject(raw) || id === undefined)
      report(path, 'error', `Data type ${index + 1} has no "id"; it is skipped.`);
    else if (types.has(id))
      report(path, 'error', `Data type "${id}" is defined twice; the second definition is skipped.`);
    else types.set(id, { schema: own(raw, 'schema'), path });
  });
  return types;
}

/**
 * The fields of a folder that allows several content types: the first type's fields, then the
 * others' new ones, which are optional because an entry of another type will not have them.
 */
function mergeFields(lists: SchemaField[][]): SchemaField[] {
  const [first = [], ...rest] = lists;
  const merged = [...first];
  const names = new Set(first.map((field) => field.name));
  for (const list of rest) {
    for (const field of list) {
      if (names.has(field.name)) continue;
      names.add(field.name);
      merged.push({ ...field, required: false });
    }
  }
  return merged;
}

/** Front Matter paths start with `[[workspace]]/`, the folder the settings file is in. */
function stripWorkspace(path: string): string {
  return path.replace(/^\[\[workspace\]\][/\\]?/, '');
}

/** A collection name from a title: lowercase words joined by hyphens. */
function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
