/**
 * The document model: Markdown ⇄ Lexical through one conversion path, runnable headless, shared
 * by the editor (renderer), the CLI and the tests. See convert/import.ts for how unchanged blocks
 * are written back byte for byte, and constructs/ for one import/export visitor pair per construct.
 */
export { documentNodes, createDocumentEditor, loadDocument, saveDocument, roundtripMarkdown } from './editor';
export { $importMarkdown } from './convert/import';
export {
  $exportMarkdown,
  $exportBlocks,
  $gapBefore,
  $writeTopLevel,
  bodyAround,
  type BlockReport,
  type BlockCache,
} from './convert/export';
export type { ParseOptions } from './markdown/parse';
export { parseMarkdown } from './markdown/parse';
export type { DocStyle } from './markdown/style';
export {
  setDecoratorRenderer,
  getDecoratorRenderer,
  type DecoratorKind,
  type DecoratorRenderer,
  type DecoratorPropsMap,
  type ImageDecoratorProps,
  type ThematicBreakDecoratorProps,
} from './decorators';
export { ImageNode, $createImageNode, $isImageNode, type ImagePayload } from './constructs/image/image-node';
export {
  ThematicBreakNode,
  $createThematicBreakNode,
  $isThematicBreakNode,
} from './constructs/thematic-break/thematic-break-node';
export { RawBlockNode, $createRawBlockNode, $isRawBlockNode } from './constructs/raw/raw-block-node';
export { RawTextNode, $createRawTextNode, $isRawTextNode } from './constructs/raw/raw-text-node';
export { $getTableAlign, $setTableAlign, type Align as TableAlign } from './constructs/table';
export {
  AlertNode,
  $createAlertNode,
  $isAlertNode,
  ALERT_KINDS,
  ALERT_LABELS,
  type AlertKind,
} from './constructs/alert/alert-node';
export { isMdxPath, MDX_EXTENSIONS } from './constructs/mdx/mdx-path';
export { loadMdxSyntax } from './constructs/mdx/load';
export { MDX_KIND_LABELS, type MdxRawKind } from './constructs/mdx';
export { $getDocumentInfo, type DocumentInfo } from './state';
