/**
 * Hard line breaks: a Lexical LineBreakNode, remembering whether the file wrote it as a trailing
 * backslash or as two (or more) trailing spaces. (Soft line breaks are spaces in the text, and the
 * text's recorded source keeps them as line breaks: see markdown/inline-source.ts.)
 */
import { $createLineBreakNode, $isLineBreakNode } from 'lexical';
import type { Construct, InlineExportVisitor, InlineImportVisitor } from '../../convert/types';
import { markerOf } from '../../markdown/style';
import { $getSyntax, $setSyntax, syntaxString } from '../../state';
import { withSyntax, type VerbatimNode } from '../../markdown/serialize';

/** Imports a hard break. */
export const breakImport: InlineImportVisitor<'break'> = {
  types: ['break'],
  $import(node, ctx) {
    const hardBreak = markerOf(node, ctx.source) === '\\' ? 'backslash' : 'spaces';
    // The break as written (three spaces, a backslash), up to and including its line ending.
    const source = ctx.slice(node);
    return [
      $setSyntax($createLineBreakNode(), { hardBreak, ...(/^(?:\\| {2,})\r?\n$/.test(source) ? { source } : {}) }),
    ];
  },
};

/** Exports a line break; it takes the marks around it rather than splitting them. */
export const breakExport: InlineExportVisitor = {
  $test: $isLineBreakNode,
  $export(node, ctx) {
    const syntax = $getSyntax(node);
    const source = ctx.mode === 'full' ? undefined : syntaxString(syntax, 'source');
    if (source !== undefined) {
      const verbatim: VerbatimNode = { type: 'mastheadVerbatim', value: source };
      return [{ node: verbatim, marks: null, syntax: {} }];
    }
    return [{ node: withSyntax({ type: 'break' }, { ...syntax }), marks: null, syntax: {} }];
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const hardBreakConstruct: Construct = {
  name: 'hard break',
  inlineImports: [breakImport],
  inlineExports: [breakExport],
};
