/**
 * Links: inline `[text](url "title")`, angle autolinks `<https://…>`, GFM literal autolinks
 * (`https://…`, `www.…`, emails — as Lexical AutoLinkNodes, written back as the bare text) and
 * reference links (see ./reference).
 */
import type { Link, LinkReference, PhrasingContent } from 'mdast';
import {
  $createAutoLinkNode,
  $createLinkNode,
  $isAutoLinkNode,
  $isLinkNode,
  LinkNode,
  AutoLinkNode,
} from '@lexical/link';
import type {
  Construct,
  ImportContext,
  InlineExportVisitor,
  InlineImportVisitor,
  InlineInherit,
} from '../../convert/types';
import { stripLinePrefixes } from '../../markdown/inline-source';
import { withSyntax, type GroupNode, type VerbatimNode } from '../../markdown/serialize';
import { $getSyntax, $setSyntax, syntaxString, type SyntaxStyle } from '../../state';
import { buildPhrasing, commonMarks } from '../text-format/nesting';
import { referenceFor, referenceSyntax, resolveReference } from './reference';

/**
 * What follows a bracketed link's text in the source (`](url "title")`, `][label]`, `]`), so an
 * edit of the text keeps the destination, title and quotes exactly; undefined when the link does
 * not start with a plain `[` right before its text.
 */
function tailOf(node: Link | LinkReference, ctx: ImportContext, inherit: InlineInherit): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const first = node.children[0]?.position?.start.offset ?? start + 1;
  const last = node.children[node.children.length - 1]?.position?.end.offset ?? start + 1;
  if (first !== start + 1 || ctx.source.charAt(start) !== '[') return undefined;
  const tail = ctx.source.slice(last, end);
  return inherit.container === true || ctx.depth > 0 ? stripLinePrefixes(tail) : tail;
}

/** Imports an inline link or autolink. */
export const linkImport: InlineImportVisitor<'link'> = {
  types: ['link'],
  $import(link, ctx, inherit) {
    const source = ctx.slice(link);
    const first = source.charAt(0);
    const children = ctx.$importInline(link.children, inherit);
    if (first !== '[' && first !== '<') {
      // A GFM literal autolink: written as plain text, so it must come back as plain text.
      return [$createAutoLinkNode(link.url).append(...children)];
    }
    // Bracketed links stay bracketed even when their text equals the URL; an angle autolink is
    // kept as written while its text and URL are.
    const tail = first === '[' ? tailOf(link, ctx, inherit) : undefined;
    const kept: SyntaxStyle =
      first === '<'
        ? {
            auto: source,
            keptUrl: link.url,
            keptText: link.children.map((child) => ('value' in child ? child.value : '')).join(''),
          }
        : {};
    const syntax: SyntaxStyle =
      first === '['
        ? {
            resourceLink: true,
            ...(tail !== undefined ? { tail, keptUrl: link.url, keptTitle: link.title ?? '\0' } : {}),
          }
        : kept;
    return [$setSyntax($createLinkNode(link.url, { title: link.title ?? null }), syntax).append(...children)];
  },
};

/** Imports a reference link, resolved through the definitions. */
export const linkReferenceImport: InlineImportVisitor<'linkReference'> = {
  types: ['linkReference'],
  $import(reference, ctx, inherit) {
    const children = ctx.$importInline(reference.children, inherit);
    const definition = resolveReference(reference, ctx);
    if (!definition) return children;
    const link = $createLinkNode(definition.url, { title: definition.title });
    const tail = tailOf(reference, ctx, inherit);
    return [
      $setSyntax(link, { ...referenceSyntax(reference, definition), ...(tail !== undefined ? { tail } : {}) }).append(
        ...children,
      ),
    ];
  },
};

/** Exports a literal autolink as its text, verbatim. */
export const autoLinkExport: InlineExportVisitor<LinkNode> = {
  $test: $isAutoLinkNode,
  $export(node, ctx) {
    const runs = ctx.$inlineRuns(node.getChildren());
    const verbatim: VerbatimNode = { type: 'mastheadVerbatim', value: node.getTextContent() };
    return [{ node: verbatim, marks: commonMarks(runs), syntax: runs[0]?.syntax ?? {} }];
  },
};

/** Exports a link (inline, autolink or reference), its children nested inside the marks they share. */
export const linkExport: InlineExportVisitor<LinkNode> = {
  $test: $isLinkNode,
  $export(link, ctx) {
    const syntax = $getSyntax(link);
    const runs = ctx.$inlineRuns(link.getChildren());
    const marks = commonMarks(runs);
    const children = buildPhrasing(runs, marks);
    const url = link.getURL();
    const reference = referenceFor(syntax, url, link.getTextContent());
    const kept = ctx.mode === 'full' ? undefined : $keptSource(link, syntax, reference?.referenceType ?? null);
    if (kept !== undefined) {
      const written: VerbatimNode | GroupNode =
        kept.tail === undefined
          ? { type: 'mastheadVerbatim', value: kept.whole }
          : { type: 'mastheadGroup', head: '[', tail: kept.tail, children };
      return [{ node: written, marks, syntax: runs[0]?.syntax ?? {} }];
    }
    const mdast: PhrasingContent = reference
      ? { type: 'linkReference', ...reference, children }
      : withSyntax({ type: 'link', url, title: link.getTitle(), children } satisfies Link, { ...syntax });
    return [{ node: mdast, marks, syntax: runs[0]?.syntax ?? {} }];
  },
};

/**
 * The link's source to keep: the whole of an unchanged angle autolink, or the tail after the text
 * of a bracketed link whose destination and title (or reference) are unchanged.
 */
function $keptSource(
  link: LinkNode,
  syntax: SyntaxStyle,
  referenceType: string | null,
): { whole: string; tail?: undefined } | { whole?: undefined; tail: string } | undefined {
  const auto = syntaxString(syntax, 'auto');
  if (auto !== undefined) {
    const same =
      link.getURL() === syntaxString(syntax, 'keptUrl') &&
      link.getTitle() === null &&
      link.getTextContent() === syntaxString(syntax, 'keptText');
    return same ? { whole: auto } : undefined;
  }
  const tail = syntaxString(syntax, 'tail');
  if (tail === undefined) return undefined;
  const refType = syntaxString(syntax, 'refType');
  if (refType !== undefined) return referenceType === refType ? { tail } : undefined;
  const title = link.getTitle() ?? '\0';
  return link.getURL() === syntaxString(syntax, 'keptUrl') && title === syntaxString(syntax, 'keptTitle')
    ? { tail }
    : undefined;
}

/** The construct: its nodes and visitors, as the registry lists them. */
export const linkConstruct: Construct = {
  name: 'link',
  nodes: [LinkNode, AutoLinkNode],
  inlineImports: [linkImport, linkReferenceImport],
  inlineExports: [autoLinkExport, linkExport],
};
