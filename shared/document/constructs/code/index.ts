/**
 * Code blocks, fenced (``` or ~~~, with an info string) and indented, as Lexical CodeNodes. The
 * fence character, the indented form and the info string's meta part are remembered.
 */
import type { Code } from 'mdast';
import { $createCodeNode, $isCodeNode, CodeNode, CodeHighlightNode } from '@lexical/code';
import { $createLineBreakNode, $createTextNode } from 'lexical';
import type { BlockExportVisitor, BlockImportVisitor, Construct } from '../../convert/types';
import { withSyntax } from '../../markdown/serialize';
import { markerOf } from '../../markdown/style';
import { $getSyntax, $setSyntax, syntaxString } from '../../state';

/** Imports a code block. */
export const codeImport: BlockImportVisitor<'code'> = {
  types: ['code'],
  $import(code, ctx) {
    const marker = markerOf(code, ctx.source);
    const fenced = marker === '`' || marker === '~';
    const syntax = {
      ...(fenced ? { fence: marker } : { fences: false }),
      ...(code.lang ? { lang: code.lang } : {}),
      ...(code.meta ? { meta: code.meta } : {}),
    };
    const lexical = $setSyntax($createCodeNode(code.lang ?? undefined), syntax);
    code.value.split('\n').forEach((line, index) => {
      if (index > 0) lexical.append($createLineBreakNode());
      if (line !== '') lexical.append($createTextNode(line));
    });
    return lexical;
  },
};

/** Exports a code block; the meta survives as long as the language is unchanged. */
export const codeExport: BlockExportVisitor<CodeNode> = {
  $test: $isCodeNode,
  $export(code) {
    const syntax = $getSyntax(code);
    const lang = code.getLanguage() ?? null;
    const meta = lang !== null && lang === syntaxString(syntax, 'lang') ? (syntaxString(syntax, 'meta') ?? null) : null;
    return withSyntax({ type: 'code', lang, meta, value: code.getTextContent() } satisfies Code, { ...syntax });
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const codeConstruct: Construct = {
  name: 'code',
  nodes: [CodeNode, CodeHighlightNode],
  blockImports: [codeImport],
  blockExports: [codeExport],
};
