/**
 * MDX constructs, kept as source: JSX elements (`<Chart data={x} />`, a whole `<Callout>…</Callout>`
 * with its Markdown inside), `import`/`export` lines and `{expressions}` are code for the site's
 * build, so they become raw blocks (or inline raw text inside a paragraph) written back exactly as
 * read, while the prose around them stays rich text. Export needs nothing new: raw blocks and raw
 * text are written verbatim by the raw construct's visitors.
 */
import type { BlockImportVisitor, Construct, InlineImportVisitor } from '../../convert/types';
import { $createRawBlockNode } from '../raw/raw-block-node';
import { $createRawTextNode } from '../raw/raw-text-node';

/** The raw kinds of MDX source (the editor labels each: "MDX component", "MDX import"…). */
export type MdxRawKind = 'mdx-component' | 'mdx-import' | 'mdx-export' | 'mdx-expression' | 'mdx-unreadable';

/** What the editor calls each MDX raw kind. */
export const MDX_KIND_LABELS: Readonly<Record<MdxRawKind, string>> = {
  'mdx-component': 'MDX component',
  'mdx-import': 'MDX import',
  'mdx-export': 'MDX export',
  'mdx-expression': 'MDX expression',
  'mdx-unreadable': 'MDX that does not compile',
};

/** The raw kind of an MDX block or inline node from its mdast type and source. */
export function mdxKindOf(type: string, source: string): MdxRawKind {
  switch (type) {
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return 'mdx-component';
    case 'mdxjsEsm':
      return /^\s*export\b/.test(source) ? 'mdx-export' : 'mdx-import';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return 'mdx-expression';
    default:
      return 'mdx-unreadable';
  }
}

/**
 * Imports MDX blocks as raw blocks. Inside a quote or list the text carries the container's
 * markers, so there the visitor declines and the whole container is kept as source instead.
 */
export const mdxBlockImport: BlockImportVisitor<
  'mdxJsxFlowElement' | 'mdxjsEsm' | 'mdxFlowExpression' | 'mdxUnreadable'
> = {
  types: ['mdxJsxFlowElement', 'mdxjsEsm', 'mdxFlowExpression', 'mdxUnreadable'],
  $import(node, ctx) {
    if (ctx.depth > 0) return null;
    const source = ctx.slice(node);
    return $createRawBlockNode(source, mdxKindOf(node.type, source));
  },
};

/** Imports inline JSX (`<Kbd>Ctrl</Kbd>`, children included) and `{expressions}` as inline raw text. */
export const mdxInlineImport: InlineImportVisitor<'mdxJsxTextElement' | 'mdxTextExpression'> = {
  types: ['mdxJsxTextElement', 'mdxTextExpression'],
  $import(node, ctx) {
    const source = ctx.slice(node);
    return source === '' ? [] : [$createRawTextNode(source, mdxKindOf(node.type, source))];
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const mdxConstruct: Construct = {
  name: 'MDX',
  blockImports: [mdxBlockImport],
  inlineImports: [mdxInlineImport],
};
