/**
 * The content model: which collections a site has and which fields their entries carry. One shape
 * for every source — a Decap CMS `config.yml`, a Front Matter CMS `frontmatter.json`, or a model
 * inferred from the posts themselves — so the form, validation, new posts and `masthead check` are
 * written once. Pure data (JSON-safe): it crosses the bridge to the renderer as is.
 */
import type { FrontMatterFormat, JsonValue } from '../../api';
import type { CollectionId, RepoFolder } from '../collection-ids';

/** Where a content model came from. */
export type ModelSource = 'decap' | 'frontmatter-cms' | 'astro' | 'inferred';

/** A `{label, value}` choice of a select field. */
export interface SelectOption {
  label: string;
  value: string | number | boolean;
}

/** Options every field has, whatever its widget. */
export interface FieldCommon {
  /** The front-matter key. */
  name: string;
  /** The label shown in the form (the config's `label`, or the key humanized). */
  label: string;
  /** Decap's default is required: true; inferred fields are never required. */
  required: boolean;
  /** Applied to new entries (and shown as the placeholder of an empty field). */
  default?: JsonValue;
  /** Help text shown under the field. */
  hint?: string;
  /** A JavaScript regular expression source the value must match, with the config's message. */
  pattern?: { regex: string; message: string };
  /**
   * Decap i18n setting in a translated collection: `true`/`translate`, a value per locale;
   * `duplicate`, the default locale's value copied into every translation; absent/`false`/`none`,
   * only in the default locale's file.
   */
  i18n?: boolean | 'translate' | 'duplicate' | 'none';
  /**
   * Set on fields inferred from data: how often the key appears in the collection's entries (0–1).
   * Lets the form mark "usually present" fields and leave rare ones for last.
   */
  presence?: number;
}

/** How the items of a list field are shaped. */
export type ListItems =
  /** A list of plain strings (Decap list with neither `field` nor `fields`; FM CMS tags). */
  | { kind: 'strings' }
  /** Each item is one value edited by `field` (Decap `field:`). */
  | { kind: 'field'; field: SchemaField }
  /** Each item is an object edited by `fields`. */
  | { kind: 'fields'; fields: SchemaField[] }
  /** Each item is an object whose `typeKey` names which of `types` it is (Decap `types:`). */
  | { kind: 'types'; typeKey: string; types: { name: string; label: string; fields: SchemaField[] }[] };

/** One field of a collection, by widget. */
export type SchemaField = FieldCommon &
  (
    | { widget: 'string' }
    | { widget: 'text' }
    /** Markdown inside front matter; the collection's body field is not listed among its fields. */
    | { widget: 'markdown' }
    /**
     * A date-time. `format` is the moment.js/day.js format the value is written in (absent: ISO 8601,
     * or the existing value's own shape). `dateFormat`/`timeFormat` false hide that part.
     */
    | {
        widget: 'datetime';
        format?: string;
        dateFormat?: string | boolean;
        timeFormat?: string | boolean;
        pickerUtc: boolean;
      }
    /** Decap's deprecated `date` widget: a date without time. */
    | { widget: 'date'; format?: string }
    | { widget: 'boolean' }
    | { widget: 'number'; valueType: 'int' | 'float'; min?: number; max?: number; step?: number }
    /**
     * `open`: the options are suggestions (values seen in other entries, for inferred schemas); the
     * writer may type any other value. A configured select is closed: only its options are valid.
     */
    | { widget: 'select'; options: SelectOption[]; multiple: boolean; min?: number; max?: number; open?: boolean }
    /**
     * A reference to entries of another collection. `file` names the entry of a file collection
     * (Decap `collection: settings, file: authors`); `valueField`/`searchFields`/`displayFields` may be
     * nested paths like `authors.*.name`.
     */
    | {
        widget: 'relation';
        /** The target collection's id. */
        collection: CollectionId;
        file?: string;
        valueField: string;
        searchFields: string[];
        displayFields: string[];
        multiple: boolean;
        min?: number;
        max?: number;
      }
    | {
        widget: 'list';
        items: ListItems;
        min?: number;
        max?: number;
        allowAdd: boolean;
        collapsed: boolean;
        /** Item values seen in other entries, offered for quick picking (the form still writes items of `items`' shape). */
        suggestions?: JsonValue[];
      }
    | { widget: 'object'; fields: SchemaField[]; collapsed: boolean }
    | { widget: 'image'; mediaFolder?: string; publicFolder?: string }
    | { widget: 'file'; mediaFolder?: string; publicFolder?: string }
    /** Not shown; its `default` is written into new entries (e.g. Gatsby's `templateKey`). */
    | { widget: 'hidden' }
    | { widget: 'code'; language?: string }
    | { widget: 'color'; allowInput: boolean; enableAlpha: boolean }
    /** A GeoJSON geometry stored as a JSON string (Decap `map`). */
    | { widget: 'map'; geometry: 'Point' | 'LineString' | 'Polygon' }
    /**
     * A widget the site registered itself (e.g. `ncw-file-relation`). `editor` is the field inferred
     * from the values in existing entries, or null when there are none to learn from (then the
     * value is shown as structured JSON). The form notes that the widget is custom.
     */
    | { widget: 'custom'; customWidget: string; editor: SchemaField | null }
    /** A value no editor fits (e.g. a list mixing shapes); shown read-only and kept byte for byte. */
    | { widget: 'kept' }
  );

/** The widget names of SchemaField. */
export type WidgetKind = SchemaField['widget'];

/**
 * How a translated collection stores its locales (Decap `i18n.structure`): `multiple_folders`,
 * `<folder>/<locale>/<slug>.<ext>`; `multiple_files`, `<folder>/<slug>.<locale>.<ext>`;
 * `single_file`, `<folder>/<slug>.<ext>` whose front matter holds one mapping per locale.
 */
export type I18nStructure = 'multiple_folders' | 'multiple_files' | 'single_file';

/** A collection's (or the site's) i18n settings, defaults resolved. */
export interface I18nSettings {
  structure: I18nStructure;
  /** Locale codes as written in paths and keys (`en`, `de`, `pt-br`), in the config's order. */
  locales: string[];
  /** The locale new entries are written in, whose file holds the fields that are not translated. */
  defaultLocale: string;
}

/** Shared by folder and file collections. */
interface CollectionCommon {
  /** Unique id (Decap `name`); relations refer to collections by it. */
  name: CollectionId;
  label: string;
  /** Singular label for "New …" (Decap `label_singular`). */
  labelSingular: string;
  description?: string;
  /** Media folders for this collection, overriding the model's (repo-relative, or `./`-relative to the entry). */
  mediaFolder?: string;
  publicFolder?: string;
}

/** A folder of entries sharing one set of fields (posts, pages). */
export interface FolderCollection extends CollectionCommon {
  kind: 'folder';
  /** Repo-relative POSIX folder, no leading/trailing slash. */
  folder: RepoFolder;
  /** File extension without the dot (`md`, `markdown`, `mdx`, `json`, `yml`, `toml`): the one new entries get. */
  extension: string;
  /**
   * Every extension (without the dot, lower-case) an existing entry may have, when the config allows
   * several (Front Matter CMS `frontMatter.content.supportedFileTypes`); `extension` is among them.
   * Absent means `extension` alone.
   */
  extensions?: string[];
  /**
   * How entries are written. `frontmatter` means "Markdown with front matter, in whatever syntax
   * the file uses" (Decap's default); `yaml-frontmatter`/`toml-frontmatter`/`json-frontmatter` pin it;
   * `yaml`/`toml`/`json` are data files without a body.
   */
  format: 'frontmatter' | 'yaml-frontmatter' | 'toml-frontmatter' | 'json-frontmatter' | 'yaml' | 'toml' | 'json';
  /** Slug template (`{{year}}-{{month}}-{{day}}-{{slug}}`); the default is `{{slug}}`. */
  slug: string;
  /** Decap `path` (e.g. `{{slug}}/index` for page bundles); the default is the slug itself. */
  path?: string;
  /** The site's Decap `slug` settings, copied onto each collection; absent means Masthead's defaults. */
  slugOptions?: SlugOptions;
  /** The field whose value names an entry (Decap `identifier_field`, default `title`). */
  identifierField: string;
  /** Summary template for the list (`{{title}} – {{year}}`), if the config has one. */
  summary?: string;
  sortableFields: string[];
  /** Whether writers may create entries here. */
  create: boolean;
  /**
   * Only entries whose `field` (a dotted path) equals `value` — or, for a list, holds it — or whose
   * value matches the regular expression `pattern`, belong here (Decap `filter`).
   */
  filter?: { field: string; value?: JsonValue; pattern?: string };
  /** Decap `nested`: entries sit in subfolders up to `depth` levels deep (a tree of pages). */
  nested?: { depth: number };
  /** Front-matter fields, in form order. The body is not among them. */
  fields: SchemaField[];
  /** The key of the markdown field that is the body (Decap: the `body` field), or null for data files. */
  bodyField: string | null;
  /** True when this collection (and its fields) was inferred rather than configured. */
  inferred: boolean;
  /** Set when the collection is translated (Decap `i18n`). */
  i18n?: I18nSettings;
}

/** One single-file entry of a file collection (e.g. `src/content/authors.json`). */
export interface FileEntry {
  name: string;
  label: string;
  /** Repo-relative POSIX path. */
  file: string;
  fields: SchemaField[];
}

/** A collection of named single files (site settings, author lists). */
export interface FileCollection extends CollectionCommon {
  kind: 'file';
  files: FileEntry[];
}

export type CollectionSchema = FolderCollection | FileCollection;

/** Something wrong in a config file, reported with where it is. The model still loads around it. */
export interface ConfigProblem {
  /** Repo-relative path of the config file. */
  file: string;
  /** 1-based line and column, when known. */
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  message: string;
}

/** Decap `commit_messages` templates (`{{collection}}`, `{{slug}}`, `{{path}}`, `{{author-login}}`…). */
export interface CommitMessages {
  create?: string;
  update?: string;
  delete?: string;
  uploadMedia?: string;
  deleteMedia?: string;
}

/** A site's whole content model. */
export interface ContentModel {
  source: ModelSource;
  /** Repo-relative path of the config file it was read from, or null when inferred. */
  configPath: string | null;
  siteUrl?: string;
  displayUrl?: string;
  /** Repo-relative folder uploads go to, and the public URL path they are served under. */
  mediaFolder?: string;
  publicFolder?: string;
  commitMessages: CommitMessages;
  /** The site's i18n settings (Decap top-level `i18n`); collections opt in with their own `i18n`. */
  i18n?: I18nSettings;
  collections: CollectionSchema[];
  /** Problems found while reading the config; a model with errors has fallen back to inference where needed. */
  problems: ConfigProblem[];
}

/** Decap's top-level `slug` settings: only what the config sets is present. */
export interface SlugOptions {
  /** `unicode` keeps letters of every script; `ascii` keeps a–z and 0–9 only. */
  encoding?: 'unicode' | 'ascii';
  /** Take accents off letters (`é` → `e`). */
  cleanAccents?: boolean;
  /** What replaces spaces and other characters a slug cannot hold (default `-`). */
  sanitizeReplacement?: string;
}

/** The file formats a folder collection can pin, mapped to the front-matter syntax they use. */
export function frontMatterFormatOf(format: FolderCollection['format']): Exclude<FrontMatterFormat, 'none'> | null {
  switch (format) {
    case 'yaml-frontmatter':
    case 'yaml':
      return 'yaml';
    case 'toml-frontmatter':
    case 'toml':
      return 'toml';
    case 'json-frontmatter':
    case 'json':
      return 'json';
    case 'frontmatter':
      return null;
  }
}

/** A problem with one value of an entry, found by validation. */
export interface FieldIssue {
  /** Where the value is: keys and list indexes from the top of the front matter, e.g. `['seo', 'title']`. */
  path: (string | number)[];
  severity: 'error' | 'warning';
  /** Plain words for the writer, e.g. "Title is required." or the config's pattern message. */
  message: string;
}

/** A choice offered by a relation field: the value written to the file and what the writer sees. */
export interface RelationOption {
  value: string | number;
  label: string;
}
