/** Thematic breaks (`---`, `***`, `___`, spaced or not) as {@link ThematicBreakNode}s. */
import type { BlockExportVisitor, BlockImportVisitor, Construct } from '../../convert/types';
import { $createThematicBreakNode, $isThematicBreakNode, ThematicBreakNode } from './thematic-break-node';

/** Imports a thematic break. An unchanged one is written from its source, so its spelling is kept. */
export const thematicBreakImport: BlockImportVisitor<'thematicBreak'> = {
  types: ['thematicBreak'],
  $import: () => $createThematicBreakNode(),
};

/** Exports a thematic break in the document's rule style. */
export const thematicBreakExport: BlockExportVisitor = {
  $test: $isThematicBreakNode,
  $export: () => ({ type: 'thematicBreak' }),
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const thematicBreakConstruct: Construct = {
  name: 'thematic break',
  nodes: [ThematicBreakNode],
  blockImports: [thematicBreakImport],
  blockExports: [thematicBreakExport],
};
