/**
 * Reads an Astro content config (`src/content.config.ts` in Astro 5, `src/content/config.ts` in
 * Astro 4; `.js`/`.mjs`/`.mts` too) into the ContentModel, statically: the file is parsed (never run)
 * and each `defineCollection({ loader, type, schema })` named in `export const collections = {…}`
 * becomes a collection whose fields come from its zod schema. Never throws: a file that does not
 * parse, or a collection that cannot be read, is a ConfigProblem with its line.
 */
import { type ParseResult, parse } from '@babel/parser';
import type { Expression, Node, ObjectExpression, Statement } from '@babel/types';
import { cleanFolder } from './config-values';
import { type ZodScope, keyOf, readZodObjectFields, stringOf, unwrap } from './astro-zod-fields';
import { humanizeKey } from '../fields';
import type { CollectionSchema, ConfigProblem, ContentModel, FolderCollection, SchemaField } from './types';
import { collectionId, repoFolder } from '../collection-ids';

const SCRIPT_EXTENSIONS = ['ts', 'mts', 'js', 'mjs'];
/** Where Astro looks for the content config: Astro 5's `src/content.config.*` first, then Astro 4's `src/content/config.*`. */
export const ASTRO_CONFIG_PATHS = [
  ...SCRIPT_EXTENSIONS.map((ext) => `src/content.config.${ext}`),
  ...SCRIPT_EXTENSIONS.map((ext) => `src/content/config.${ext}`),
];

/** Modules zod is imported from in Astro projects. */
const ZOD_MODULES = new Set(['astro:content', 'astro/zod', 'zod']);
/** The files Astro reads as content entries by default (`type: 'content'`). */
const CONTENT_EXTENSIONS = ['md', 'mdx', 'markdown'];
const DATA_FORMATS: Readonly<Record<string, FolderCollection['format']>> = {
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'toml',
};

type Report = (node: Node | null, severity: ConfigProblem['severity'], message: string) => void;

/** Parses an Astro content config (`file` is its repo-relative path) into a ContentModel with problems. */
export function readAstroConfig(text: string, file: string): ContentModel {
  const problems: ConfigProblem[] = [];
  const model: ContentModel = { source: 'astro', configPath: file, commitMessages: {}, collections: [], problems };
  const report: Report = (node, severity, message) => {
    const at = node?.loc?.start;
    problems.push({ file, ...(at ? { line: at.line, column: at.column + 1 } : {}), severity, message });
  };

  let ast: ParseResult;
  try {
    ast = parse(text, { sourceType: 'module', plugins: ['typescript'], errorRecovery: true });
  } catch (error) {
    const at = (error as { loc?: { line: number; column: number } }).loc;
    problems.push({
      file,
      ...(at ? { line: at.line, column: at.column + 1 } : {}),
      severity: 'error',
      message: `The content config does not parse: ${reason(error)}.`,
    });
    return model;
  }
  const [firstError] = ast.errors ?? [];
  if (firstError) {
    // Babel recovers from small mistakes; the tree is still read, and the first one is said once.
    problems.push({
      file,
      ...(firstError.loc ? { line: firstError.loc.line, column: firstError.loc.column + 1 } : {}),
      severity: 'warning',
      message: `The content config has a syntax error: ${reason(firstError)}.`,
    });
  }

  const body = ast.program.body;
  const scope: ZodScope = {
    zod: new Set(),
    reference: new Set(),
    image: new Set(),
    constants: topLevelConstants(body),
  };
  for (const statement of body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const from = statement.source.value;
    for (const specifier of statement.specifiers) {
      const imported =
        specifier.type === 'ImportSpecifier'
          ? keyOf(specifier.imported)
          : specifier.type === 'ImportNamespaceSpecifier' && from === 'zod'
            ? 'z'
            : undefined;
      if (imported === 'z' && ZOD_MODULES.has(from)) scope.zod.add(specifier.local.name);
      if (imported === 'reference' && from === 'astro:content') scope.reference.add(specifier.local.name);
    }
  }
  // A config that uses zod without importing it (a global, or an import this reader missed) still reads.
  if (scope.zod.size === 0) scope.zod.add('z');

  const exported = collectionsExport(body);
  if (!exported) {
    report(
      null,
      'error',
      'The content config has no "export const collections = { … }", so Masthead cannot tell which collections the site has.',
    );
    return model;
  }
  for (const property of exported.properties) {
    if (property.type !== 'ObjectProperty') {
      report(
        property,
        'warning',
        'A spread or method in "collections" cannot be read without running the config; it is skipped.',
      );
      continue;
    }
    const name = keyOf(property.key);
    if (name === undefined) {
      report(
        property,
        'warning',
        'A collection with a computed name cannot be read without running the config; it is skipped.',
      );
      continue;
    }
    const definition = resolve(unwrap(property.value as Expression), scope);
    const options = definition?.type === 'CallExpression' ? definition.arguments[0] : undefined;
    if (options?.type !== 'ObjectExpression') {
      report(
        property,
        'warning',
        `Collection "${name}" is not a defineCollection({ … }) Masthead can read; it is skipped.`,
      );
      continue;
    }
    const collection = readCollection(name, options, file, scope, report);
    if (collection) model.collections.push(collection);
  }
  linkReferences(model.collections);
  return model;
}

/** One `defineCollection({...})`: where its entries are (loader or Astro 4 folder) and its fields. */
function readCollection(
  name: string,
  options: ObjectExpression,
  file: string,
  scope: ZodScope,
  report: Report,
): CollectionSchema | null {
  const option = (key: string): Expression | undefined => {
    const found = options.properties.find((p) => p.type === 'ObjectProperty' && keyOf(p.key) === key);
    return found?.type === 'ObjectProperty' ? unwrap(found.value as Expression) : undefined;
  };
  const label = humanizeKey(name);
  const type = stringOf(option('type'));
  const loader = option('loader');
  let folder = `src/content/${name}`;
  let extensions = type === 'data' ? ['json', 'yaml', 'yml'] : CONTENT_EXTENSIONS;

  if (loader) {
    const call = loader.type === 'CallExpression' && loader.callee.type === 'Identifier' ? loader : null;
    const loaderName = call?.callee.type === 'Identifier' ? call.callee.name : undefined;
    const args = call?.arguments[0];
    if (loaderName === 'file') {
      const path = stringOf(args as Expression | undefined);
      if (path === undefined) {
        report(
          loader,
          'warning',
          `Collection "${name}": the file() loader's path is not a plain string; the collection is skipped.`,
        );
        return null;
      }
      // One file holds every entry (a list, or a mapping by id): edited as one data file.
      return {
        kind: 'file',
        name: collectionId(name),
        label,
        labelSingular: label,
        files: [{ name, label, file: cleanFolder(path), fields: [] }],
      };
    }
    if (loaderName !== 'glob' || args?.type !== 'ObjectExpression') {
      report(
        loader,
        'warning',
        `Collection "${name}" is loaded by ${loaderName ? `${loaderName}()` : 'a custom loader'}, not from files Masthead can edit; it is skipped.`,
      );
      return null;
    }
    const glob = readGlob(args, file.split('/').slice(0, -1).join('/'));
    if (!glob) {
      report(
        loader,
        'warning',
        `Collection "${name}": the glob() loader's "pattern" and "base" are not plain strings; the collection is skipped.`,
      );
      return null;
    }
    folder = glob.folder;
    if (glob.extensions.length > 0) extensions = glob.extensions;
  }

  const dataFormat = extensions.map((extension) => DATA_FORMATS[extension]).find((format) => format !== undefined);
  const isData = dataFormat !== undefined && !extensions.some((extension) => CONTENT_EXTENSIONS.includes(extension));
  const fields = readSchema(option('schema'), name, scope, report);
  const collection: FolderCollection = {
    kind: 'folder',
    name: collectionId(name),
    label,
    labelSingular: label,
    folder: repoFolder(folder),
    extension: extensions[0] ?? 'md',
    format: isData ? dataFormat : 'frontmatter',
    slug: '{{slug}}',
    identifierField: fields.find((field) => field.name === 'title')
      ? 'title'
      : (fields.find((field) => field.widget === 'string')?.name ?? 'title'),
    sortableFields: [],
    // Astro has no notion of who may add entries; a folder of posts takes new ones.
    create: true,
    fields,
    bodyField: isData ? null : 'body',
    inferred: false,
  };
  if (extensions.length > 1) collection.extensions = extensions;
  return collection;
}

/** The fields of `schema: z.object({...})` or `schema: ({ image }) => z.object({...})`. */
function readSchema(schema: Expression | undefined, name: string, scope: ZodScope, report: Report): SchemaField[] {
  if (!schema) return [];
  let body: Expression | undefined = schema;
  let inner = scope;
  if (schema.type === 'ArrowFunctionExpression' || schema.type === 'FunctionExpression') {
    const image = new Set(scope.image);
    const [param] = schema.params;
    if (param?.type === 'ObjectPattern') {
      for (const property of param.properties) {
        if (
          property.type === 'ObjectProperty' &&
          keyOf(property.key) === 'image' &&
          property.value.type === 'Identifier'
        )
          image.add(property.value.name);
      }
    }
    inner = { ...scope, image };
    body = schema.body.type === 'BlockStatement' ? returned(schema.body.body) : schema.body;
  }
  const fields = body ? readZodObjectFields(body, inner) : null;
  if (fields === null) {
    report(
      schema,
      'warning',
      `Collection "${name}": the schema is not a z.object({ … }) Masthead can read; fields are inferred from the entries.`,
    );
    return [];
  }
  return fields;
}

/** Astro 5 `glob({ pattern, base })`: the folder is the base plus the pattern's fixed start; extensions from its end. */
function readGlob(args: ObjectExpression, configFolder: string): { folder: string; extensions: string[] } | null {
  const value = (key: string): Expression | undefined => {
    const found = args.properties.find((p) => p.type === 'ObjectProperty' && keyOf(p.key) === key);
    return found?.type === 'ObjectProperty' ? unwrap(found.value as Expression) : undefined;
  };
  const patternNode = value('pattern');
  const patterns =
    patternNode?.type === 'ArrayExpression'
      ? patternNode.elements.map((element) => stringOf(element as Expression | null))
      : [stringOf(patternNode)];
  const included = patterns.filter((pattern): pattern is string => pattern !== undefined && !pattern.startsWith('!'));
  const baseNode = value('base');
  // A string base is relative to the project root; `new URL('./blog', import.meta.url)` to the config file's folder.
  const urlBase =
    baseNode?.type === 'NewExpression' ? stringOf(baseNode.arguments[0] as Expression | undefined) : undefined;
  const base =
    baseNode === undefined ? '.' : urlBase !== undefined ? joinPath(configFolder, urlBase) : stringOf(baseNode);
  const [first] = included;
  if (first === undefined || base === undefined) return null;
  const fixed = first.split('/');
  const firstGlob = fixed.findIndex((part) => /[*?[\]{}!]/.test(part));
  const prefix = firstGlob === -1 ? fixed.slice(0, -1) : fixed.slice(0, firstGlob);
  const folder = joinPath(base, prefix.join('/'));
  const extensions = [...new Set(included.flatMap(extensionsOf))];
  return { folder, extensions };
}

/** A repo-relative POSIX path from a folder and a relative path (`.` and `..` resolved; a leading `/` starts at the root). */
function joinPath(folder: string, path: string): string {
  const parts: string[] = [];
  for (const part of [...(path.startsWith('/') ? [] : folder.split('/')), ...path.split('/')]) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return cleanFolder(parts.join('/'));
}

/** `**\/*.md` → md; `**\/*.{md,mdx}` → md, mdx; `**\/[^_]*.mdx` → mdx. */
function extensionsOf(pattern: string): string[] {
  const braces = /\.\{([\w,]+)\}$/.exec(pattern);
  if (braces?.[1]) return braces[1].split(',').map((extension) => extension.toLowerCase());
  const single = /\.(\w+)$/.exec(pattern);
  return single?.[1] ? [single[1].toLowerCase()] : [];
}

/**
 * A relation to another collection points at its entries by id (the file name); where the target
 * has a title or name, the writer searches and sees that.
 */
function linkReferences(collections: CollectionSchema[]): void {
  const labelField = new Map<string, string>();
  for (const collection of collections) {
    if (collection.kind !== 'folder') continue;
    const named = collection.fields.find(
      (field) => ['title', 'name'].includes(field.name) && field.widget === 'string',
    );
    if (named) labelField.set(collection.name, named.name);
  }
  const visit = (fields: SchemaField[]): void => {
    for (const field of fields) {
      if (field.widget === 'relation') {
        const shown = labelField.get(field.collection);
        if (shown) {
          field.displayFields = [shown];
          field.searchFields = [shown, '{{slug}}'];
        }
      } else if (field.widget === 'object') visit(field.fields);
      else if (field.widget === 'list' && field.items.kind === 'fields') visit(field.items.fields);
    }
  };
  for (const collection of collections) if (collection.kind === 'folder') visit(collection.fields);
}

/** `export const collections = {…}` (or `const collections = {…}; export { collections }`). */
function collectionsExport(body: Statement[]): ObjectExpression | null {
  for (const statement of body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : null;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === 'collections' && declarator.init) {
        const value = unwrap(declarator.init);
        if (value.type === 'ObjectExpression') return value;
      }
    }
  }
  const exportsIt = body.some(
    (s) =>
      s.type === 'ExportNamedDeclaration' &&
      s.specifiers.some((sp) => sp.type === 'ExportSpecifier' && keyOf(sp.exported) === 'collections'),
  );
  const local = topLevelConstants(body).get('collections');
  return exportsIt && local && unwrap(local).type === 'ObjectExpression' ? (unwrap(local) as ObjectExpression) : null;
}

/** Top-level `const name = …` (exported or not), for following names to their definitions. */
function topLevelConstants(body: Statement[]): Map<string, Expression> {
  const constants = new Map<string, Expression>();
  for (const statement of body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.init) constants.set(declarator.id.name, declarator.init);
    }
  }
  return constants;
}

/** A name followed to its `const` value (a few hops at most). */
function resolve(node: Expression, scope: ZodScope): Expression | undefined {
  let current: Expression | undefined = node;
  for (let hops = 0; current?.type === 'Identifier' && hops < 8; hops++) current = scope.constants.get(current.name);
  return current === undefined ? undefined : unwrap(current);
}

/** The expression a function body returns. */
function returned(statements: Statement[]): Expression | undefined {
  for (const statement of statements)
    if (statement.type === 'ReturnStatement' && statement.argument) return statement.argument;
  return undefined;
}

function reason(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error !== null && 'message' in error
        ? String(error.message)
        : String(error);
  return message.replace(/\s*\(\d+:\d+\)\s*$/, '').replace(/\.$/, '');
}
