/** Thematic breaks (`---`, `***`, `___`, spaced or not) as {@link ThematicBreakNode}s. */
import type { BlockExportVisitor, BlockImportVisitor } from '../../convert/types';
import { $createThematicBreakNode, $isThematicBreakNode } from './thematic-break-node';

/** Imports a thematic break. An unchanged one is written from its source, so its spelling is kept. */
export const thematicBreakImport: BlockImportVisitor = {
  types: ['thematicBreak'],
  $import: () => $createThematicBreakNode(),
};

/** Exports a thematic break in the document's rule style. */
export const thematicBreakExport: BlockExportVisitor = {
  $test: $isThematicBreakNode,
  $export: () => ({ type: 'thematicBreak' }),
};
