/**
 * Hard line breaks: a Lexical LineBreakNode, remembering whether the file wrote it as a trailing
 * backslash or as two trailing spaces. (Soft line breaks stay as `\n` inside text, so hard-wrapped
 * paragraphs keep their wrapping when edited.)
 */
import { $createLineBreakNode, $isLineBreakNode } from 'lexical';
import type { InlineExportVisitor, InlineImportVisitor } from '../../convert/types';
import { markerOf } from '../../markdown/style';
import { $getSyntax, $setSyntax } from '../../state';
import { withSyntax } from '../../markdown/serialize';

/** Imports a hard break. */
export const breakImport: InlineImportVisitor = {
  types: ['break'],
  $import(node, ctx) {
    const hardBreak = markerOf(node, ctx.source) === '\\' ? 'backslash' : 'spaces';
    return [$setSyntax($createLineBreakNode(), { hardBreak })];
  },
};

/** Exports a line break; it takes the marks around it rather than splitting them. */
export const breakExport: InlineExportVisitor = {
  $test: $isLineBreakNode,
  $export(node) {
    return [{ node: withSyntax({ type: 'break' }, { ...$getSyntax(node) }), marks: null, syntax: {} }];
  },
};
