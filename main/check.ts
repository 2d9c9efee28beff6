/**
 * Checking a whole site: every entry of every collection validated against the content model (the
 * site's CMS config, or the inferred one), plus the problems of the config itself. The same rules
 * the form applies while the writer types, so a site's CI sees what the app shows.
 */
import type { FieldIssue } from '../shared/content/schema/types';
import type { ConfigProblem, FolderCollection, SchemaField } from '../shared/content/schema/types';
import {
  entryLocaleOf,
  entrySchemaFields,
  hasLocaleFiles,
  isTranslated,
  localeName,
  singleFileLocales,
  translationPath,
} from '../shared/content/schema/i18n';
import { fieldsForEntry } from '../shared/content/schema/infer';
import { relationValues, type RelationField } from '../shared/content/schema/relations';
import { validateEntry } from '../shared/content/schema/validate';
import { textProblem, textProblemMessage } from '../shared/content/text-encoding';
import { parsePostFile } from '../shared/content/post-file';
import { toAppError } from '../shared/errors';
import { hasPostExtension } from './workspace/paths';
import { relationSource } from './content-service';
import type { FrontMatterData, SeoContext } from '../shared/api';
import { runSeoChecks } from '../shared/seo/checks';
import { buildSeoInput } from '../shared/seo/input';
import { resolveSeoRoles } from '../shared/seo/roles';
import { collectionConventions, permalinkOf } from './seo-service';
import type { ImageInfo, MeasureText, OtherPost } from '../shared/seo/types';
import type { ContentIndex, IndexedEntry } from './workspace/content-index';

/** One problem found in one file. */
export interface CheckIssue {
  severity: 'error' | 'warning';
  /** The field path (`seo.title`), when the problem is about one field. */
  field?: string;
  /** 1-based line, for config problems that know it. */
  line?: number;
  message: string;
}

/** What `checkSite` found in one file. */
export interface FileReport {
  path: string;
  issues: CheckIssue[];
}

/** The whole site's report. */
export interface CheckReport {
  /** Where the content model came from, and its config file. */
  source: ContentIndex['model']['source'];
  configPath: string | null;
  entries: number;
  errors: number;
  warnings: number;
  /** Files with at least one issue, config first, then entries in path order. */
  files: FileReport[];
}

/** What checkSite may read beyond the index, for the SEO checks of Markdown entries. */
export interface SeoCheckSources {
  /** The entry's body (Markdown), or null when unreadable. */
  readBody(path: string): Promise<string | null>;
  /** The repository's files, for internal link checks. */
  existingPaths: string[];
  /** The facts of an image a post refers to (null when not in the repository). */
  imageInfo(postPath: string, src: string): Promise<ImageInfo | null>;
  /** Measures text in the previews' font, for the pixel-width checks; without it only characters are counted. */
  measure?: MeasureText;
  /** The card image the site's config gives pages without one (Hugo `params.images`, Jekyll `defaults`). */
  siteImage?: string;
}

/**
 * Validates every entry of the index against its fields and, given `seo`, runs the SEO checks of
 * every Markdown entry too (the same ones the SEO tab shows; passes are not reported). Given
 * `readBytes`, every entry is read whole: one the editor cannot open (not UTF-8, binary) is an error.
 */
export async function checkSite(
  index: ContentIndex,
  seo?: SeoCheckSources,
  readBytes?: (path: string) => Promise<Uint8Array | null>,
): Promise<CheckReport> {
  const files: FileReport[] = [];
  const configIssues = new Map<string, CheckIssue[]>();
  for (const problem of index.model.problems) addConfigProblem(configIssues, problem);
  for (const problem of emptyCollections(index)) addConfigProblem(configIssues, problem);
  for (const [path, issues] of configIssues) files.push({ path, issues });

  const collections = new Map(
    index.model.collections.flatMap((c) => (c.kind === 'folder' ? [[c.name, c] as const] : [])),
  );
  const valuesOf = relationLookup(index);
  const entries = [...index.entries].sort((a, b) => a.path.localeCompare(b.path));
  const missing = missingTranslations(index, collections);
  for (const entry of entries) {
    const issues: CheckIssue[] = [];
    // The index reads only the head of a long post; a bad byte further down is found here.
    const bytes = entry.error === null && readBytes ? await readBytes(entry.path) : null;
    const problem = bytes === null ? null : textProblem(bytes);
    // The index reads front matter leniently (fast); the editor's full parse also refuses duplicate keys.
    const unreadable = bytes !== null && problem === null && hasPostExtension(entry.path) ? parseFailure(bytes) : null;
    if (problem !== null) {
      issues.push({ severity: 'error', line: problem.line, message: textProblemMessage(entry.path, problem) });
    } else if (unreadable !== null) {
      issues.push(unreadable);
    } else if (entry.error !== null) {
      issues.push({ severity: 'error', message: entry.error });
    } else {
      const collection: FolderCollection | undefined = collections.get(entry.collection);
      // A translation carries its locale's fields only: default-only fields are not asked of it.
      const fields = fieldsForEntry(collection ? entrySchemaFields(collection, entry.path) : [], entry.frontMatter);
      for (const issue of validateEntry(fields, entry.frontMatter, { relationValues: valuesOf }))
        issues.push(fromFieldIssue(issue));
      // Data files (authors, settings) have no page of their own: only posts get SEO checks.
      const isPost = collection ? collection.bodyField !== null : true;
      if (seo && isPost) issues.push(...(await seoIssues(index, entry, seo, fields)));
    }
    issues.push(...(missing.get(entry.path) ?? []));
    if (issues.length > 0) files.push({ path: entry.path, issues });
  }
  const pages = fileCollectionPages(index);
  for (const page of pages) {
    const issues =
      page.data === null
        ? [
            {
              severity: 'error' as const,
              message: `“${page.path}” could not be read as ${page.path.split('.').pop()?.toUpperCase() ?? 'data'}.`,
            },
          ]
        : validateEntry(fieldsForEntry(page.fields, page.data), page.data, { relationValues: valuesOf }).map(
            fromFieldIssue,
          );
    if (issues.length > 0) files.push({ path: page.path, issues });
  }
  if (index.entries.length + pages.length === 0) {
    files.push({
      path: index.model.configPath ?? '.',
      issues: [
        {
          severity: 'error',
          message:
            'No entries were found: check that the site’s posts are in the folders its config names (or in content/, _posts/, src/content/…), with extensions Masthead reads.',
        },
      ],
    });
  }
  const all = files.flatMap((file) => file.issues);
  const errors = all.filter((issue) => issue.severity === 'error').length;
  return {
    source: index.model.source,
    configPath: index.model.configPath,
    entries: index.entries.length + pages.length,
    errors,
    warnings: all.length - errors,
    files,
  };
}

/** The error the editor's parser gives for a post's bytes (already known to be UTF-8 text), or null when it reads. */
function parseFailure(bytes: Uint8Array): CheckIssue | null {
  try {
    parsePostFile(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    return null;
  } catch (error) {
    const message = toAppError(error).message;
    const line = /\bline (\d+)\b/.exec(message)?.[1];
    return { severity: 'error', ...(line === undefined ? {} : { line: Number(line) }), message };
  }
}

/**
 * A configured collection that matches no file is an error: a site's CI must not pass having
 * checked nothing (a wrong folder, an `extension` the files do not have, a filter nothing passes).
 */
function emptyCollections(index: ContentIndex): ConfigProblem[] {
  if (index.model.source === 'inferred' || !index.model.configPath) return [];
  const file = index.model.configPath;
  return index.collections
    .filter((collection) => collection.postCount === 0)
    .map((collection) => {
      const schema = index.model.collections.find(
        (item): item is FolderCollection => item.kind === 'folder' && item.name === collection.id,
      );
      const filter = schema?.filter
        ? ` whose “${schema.filter.field}” is ${schema.filter.pattern !== undefined ? `like /${schema.filter.pattern}/` : JSON.stringify(schema.filter.value)}`
        : '';
      return {
        file,
        severity: 'error' as const,
        message: `Collection “${collection.label}” matches no files: nothing ending in .${schema?.extension ?? 'md'} in “${collection.folder}”${filter}.`,
      };
    });
}

/** The pages of file collections that exist in the repository (and no folder collection lists), with their fields. */
function fileCollectionPages(
  index: ContentIndex,
): { path: string; data: FrontMatterData | null; fields: SchemaField[] }[] {
  const listed = new Set(index.entries.map((entry) => entry.path));
  return index.model.collections.flatMap((collection) =>
    collection.kind === 'file'
      ? collection.files
          .filter((file) => index.files.has(file.file) && !listed.has(file.file))
          .map((file) => ({ path: file.file, data: index.files.get(file.file) ?? null, fields: file.fields }))
      : [],
  );
}

/**
 * A warning for every locale a translated post lacks, on the file that stands for the post (its
 * default locale's, else its first): by path, what the writer should add.
 */
function missingTranslations(
  index: ContentIndex,
  collections: Map<string, FolderCollection>,
): Map<string, CheckIssue[]> {
  const found = new Map<string, CheckIssue[]>();
  const warn = (path: string, key: string, locale: string, where: string): void => {
    const issues = found.get(path) ?? [];
    issues.push({
      severity: 'warning',
      field: 'translations',
      message: `“${key}” has no ${localeName(locale)} (${locale}) translation${where}.`,
    });
    found.set(path, issues);
  };
  const groups = new Map<string, { collection: FolderCollection; key: string; byLocale: Map<string, string> }>();
  for (const entry of index.entries) {
    const collection = collections.get(entry.collection);
    if (!isTranslated(collection) || entry.error !== null) continue;
    if (collection.i18n.structure === 'single_file') {
      const present = singleFileLocales(collection, entry.frontMatter);
      const key = entry.path.slice(collection.folder.length + 1).replace(/\.[^./]+$/, '');
      for (const locale of collection.i18n.locales) if (!present.includes(locale)) warn(entry.path, key, locale, '');
      continue;
    }
    const at = entryLocaleOf(collection, entry.path);
    if (!at) continue;
    const id = JSON.stringify([collection.folder, at.key]);
    const group = groups.get(id) ?? { collection, key: at.key, byLocale: new Map<string, string>() };
    group.byLocale.set(at.locale, entry.path);
    groups.set(id, group);
  }
  for (const { collection, key, byLocale } of groups.values()) {
    if (!hasLocaleFiles(collection)) continue;
    const { locales, defaultLocale } = collection.i18n;
    const owner = byLocale.get(defaultLocale) ?? [...byLocale.values()].sort()[0];
    if (owner === undefined) continue;
    for (const locale of locales)
      if (!byLocale.has(locale)) warn(owner, key, locale, ` (expected ${translationPath(collection, key, locale)})`);
  }
  return found;
}

async function seoIssues(
  index: ContentIndex,
  entry: IndexedEntry,
  seo: SeoCheckSources,
  fields: SchemaField[],
): Promise<CheckIssue[]> {
  const body = await seo.readBody(entry.path);
  if (body === null) return [];
  const context: SeoContext = {
    siteUrl: index.model.siteUrl ?? null,
    displayUrl: index.model.displayUrl ?? null,
    otherPosts: otherPostsOf(index, entry.path),
    existingPaths: seo.existingPaths,
    mapping: {},
    // The site's habits (how many posts of the collection set a description, image…) decide what is worth a warning.
    conventions: {
      ...collectionConventions(index.entries, entry),
      ...(seo.siteImage ? { siteImage: seo.siteImage } : {}),
    },
  };
  const input = buildSeoInput({
    path: entry.path,
    frontMatter: entry.frontMatter,
    body,
    context,
    image: undefined,
    fields,
  });
  if (seo.measure) input.measure = seo.measure;
  const src = input.roles.image?.value;
  if (src) input.image = await seo.imageInfo(entry.path, src);
  return runSeoChecks(input)
    .filter((check) => check.severity !== 'pass')
    .map((check) => ({
      severity: check.severity === 'error' ? 'error' : 'warning',
      field: `SEO ${check.title.toLowerCase()}`,
      message: check.message,
    }));
}

// Titles and canonical URLs of every entry, computed once per index (not once per entry).
const othersCache = new WeakMap<ContentIndex, OtherPost[]>();

function otherPostsOf(index: ContentIndex, path: string): OtherPost[] {
  let all = othersCache.get(index);
  if (!all) {
    all = index.entries.map((item) => {
      const roles = resolveSeoRoles(item.frontMatter);
      return {
        path: item.path,
        title: roles.title?.value ?? null,
        canonicalUrl: roles.canonicalUrl?.value ?? null,
        permalink: permalinkOf(item.frontMatter),
      };
    });
    othersCache.set(index, all);
  }
  return all.filter((item) => item.path !== path);
}

function addConfigProblem(byFile: Map<string, CheckIssue[]>, problem: ConfigProblem): void {
  const issues = byFile.get(problem.file) ?? [];
  issues.push({
    severity: problem.severity,
    ...(problem.line === undefined ? {} : { line: problem.line }),
    message: problem.message,
  });
  byFile.set(problem.file, issues);
}

function fromFieldIssue(issue: FieldIssue): CheckIssue {
  return { severity: issue.severity, field: issue.path.join('.'), message: issue.message };
}

/** The values each relation field accepts, computed once per target. */
function relationLookup(index: ContentIndex): (field: RelationField) => Set<string | number> | undefined {
  const memo = new Map<string, Set<string | number> | undefined>();
  return (field) => {
    const key = JSON.stringify([field.collection, field.file, field.valueField]);
    if (memo.has(key)) return memo.get(key);
    const target = index.model.collections.find((collection) => collection.name === field.collection);
    let values: Set<string | number> | undefined;
    if (target?.kind === 'folder') {
      values = relationValues(
        field,
        index.entries
          .filter((entry) => entry.collections.includes(target.name))
          .flatMap((entry) => relationSource(target, entry)),
      );
    } else if (target?.kind === 'file') {
      const files = field.file === undefined ? target.files : target.files.filter((file) => file.name === field.file);
      values = relationValues(
        field,
        files.flatMap((file) =>
          index.files.get(file.file) ? [{ slug: file.name, data: index.files.get(file.file) ?? {} }] : [],
        ),
      );
    }
    memo.set(key, values);
    return values;
  };
}

/** What each source of a content model is called in the report. */
const CONFIG_NAMES: Record<CheckReport['source'], string> = {
  decap: 'Decap CMS',
  'frontmatter-cms': 'Front Matter CMS',
  astro: 'Astro content',
  inferred: 'inferred',
};

/** The report as lines of text: each file with its issues, then the summary line. */
export function formatReport(report: CheckReport): string[] {
  const lines: string[] = [];
  const where = report.configPath
    ? `${CONFIG_NAMES[report.source]} config ${report.configPath}`
    : 'no CMS config; fields inferred from the posts';
  lines.push(
    `Content model: ${report.source === 'inferred' && report.configPath ? `inferred (the config ${report.configPath} could not be used)` : where}`,
  );
  for (const file of report.files) {
    lines.push('');
    lines.push(file.path);
    for (const issue of file.issues) {
      const location = issue.line === undefined ? '' : `line ${issue.line}: `;
      const field = issue.field ? `${issue.field}: ` : '';
      lines.push(`  ${issue.severity.padEnd(7)} ${location}${field}${issue.message}`);
    }
  }
  lines.push('');
  lines.push(
    `${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}, ${report.errors} ${report.errors === 1 ? 'error' : 'errors'}, ${report.warnings} ${report.warnings === 1 ? 'warning' : 'warnings'}`,
  );
  return lines;
}
