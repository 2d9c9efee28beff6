/** Headings, ATX (`## Title`, optionally closed `## Title ##`) and setext (`Title` over `===`/`---`). */
import type { Heading } from 'mdast';
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text';
import type { BlockExportVisitor, BlockImportVisitor, Construct } from '../../convert/types';
import { withSyntax } from '../../markdown/serialize';
import { hasClosingSequence } from '../../markdown/style';
import { $getSyntax, $setSyntax, type SyntaxStyle } from '../../state';
import { NO_INHERIT } from '../paragraph';

/** Imports a heading, remembering how it was written. */
export const headingImport: BlockImportVisitor<'heading'> = {
  types: ['heading'],
  $import(heading, ctx) {
    const source = ctx.slice(heading);
    const setext = !source.trimStart().startsWith('#');
    const syntax: SyntaxStyle = setext ? { setext: true } : { setext: false, closeAtx: hasClosingSequence(source) };
    const lexical = $createHeadingNode(`h${heading.depth}`);
    return $setSyntax(lexical, syntax).append(...ctx.$importInline(heading.children, NO_INHERIT));
  },
};

/** Exports a heading. */
export const headingExport: BlockExportVisitor<HeadingNode> = {
  $test: $isHeadingNode,
  $export(heading, ctx) {
    const depth = Number(heading.getTag().slice(1)) as Heading['depth'];
    return withSyntax(
      { type: 'heading', depth, children: ctx.$exportInline(heading.getChildren()) } satisfies Heading,
      { ...$getSyntax(heading) },
    );
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const headingConstruct: Construct = {
  name: 'heading',
  nodes: [HeadingNode],
  blockImports: [headingImport],
  blockExports: [headingExport],
};
