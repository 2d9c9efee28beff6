/**
 * Links: inline `[text](url "title")`, angle autolinks `<https://…>`, GFM literal autolinks
 * (`https://…`, `www.…`, emails — as Lexical AutoLinkNodes, written back as the bare text) and
 * reference links (see ./reference).
 */
import type { Link, LinkReference, PhrasingContent } from 'mdast';
import { $createAutoLinkNode, $createLinkNode, $isAutoLinkNode, $isLinkNode, type LinkNode } from '@lexical/link';
import type { InlineExportVisitor, InlineImportVisitor } from '../../convert/types';
import { withSyntax, type VerbatimNode } from '../../markdown/serialize';
import { $getSyntax, $setSyntax, type SyntaxStyle } from '../../state';
import { buildPhrasing, commonMarks } from '../text-format/nesting';
import { referenceFor, referenceSyntax, resolveReference } from './reference';

/** Imports an inline link or autolink. */
export const linkImport: InlineImportVisitor = {
  types: ['link'],
  $import(node, ctx, inherit) {
    const link = node as Link;
    const first = ctx.slice(node).charAt(0);
    const children = ctx.$importInline(link.children, inherit);
    if (first !== '[' && first !== '<') {
      // A GFM literal autolink: written as plain text, so it must come back as plain text.
      return [$createAutoLinkNode(link.url).append(...children)];
    }
    // Bracketed links stay bracketed even when their text equals the URL.
    const syntax: SyntaxStyle = first === '[' ? { resourceLink: true } : {};
    return [$setSyntax($createLinkNode(link.url, { title: link.title ?? null }), syntax).append(...children)];
  },
};

/** Imports a reference link, resolved through the definitions. */
export const linkReferenceImport: InlineImportVisitor = {
  types: ['linkReference'],
  $import(node, ctx, inherit) {
    const reference = node as LinkReference;
    const children = ctx.$importInline(reference.children, inherit);
    const definition = resolveReference(reference, ctx);
    if (!definition) return children;
    const link = $createLinkNode(definition.url, { title: definition.title });
    return [$setSyntax(link, referenceSyntax(reference, definition)).append(...children)];
  },
};

/** Exports a literal autolink as its text, verbatim. */
export const autoLinkExport: InlineExportVisitor = {
  $test: $isAutoLinkNode,
  $export(node, ctx) {
    const runs = ctx.$inlineRuns((node as LinkNode).getChildren());
    const verbatim: VerbatimNode = { type: 'mastheadVerbatim', value: node.getTextContent() };
    return [{ node: verbatim as unknown as PhrasingContent, marks: commonMarks(runs), syntax: runs[0]?.syntax ?? {} }];
  },
};

/** Exports a link (inline, autolink or reference), its children nested inside the marks they share. */
export const linkExport: InlineExportVisitor = {
  $test: $isLinkNode,
  $export(node, ctx) {
    const link = node as LinkNode;
    const syntax = $getSyntax(link);
    const runs = ctx.$inlineRuns(link.getChildren());
    const marks = commonMarks(runs);
    const children = buildPhrasing(runs, marks);
    const url = link.getURL();
    const reference = referenceFor(syntax, url, link.getTextContent());
    const mdast: PhrasingContent = reference
      ? { type: 'linkReference', ...reference, children }
      : withSyntax({ type: 'link', url, title: link.getTitle(), children } satisfies Link, { ...syntax });
    return [{ node: mdast, marks, syntax: runs[0]?.syntax ?? {} }];
  },
};
