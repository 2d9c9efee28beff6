/**
 * The one list of construct visitors. Order matters for export: the first visitor whose test
 * matches wins (AutoLinkNode before LinkNode, RawTextNode before TextNode).
 */
import { codeExport, codeImport } from '../constructs/code';
import { breakExport, breakImport } from '../constructs/hard-break';
import { headingExport, headingImport } from '../constructs/heading';
import { imageExport, imageImport, imageReferenceImport } from '../constructs/image';
import { autoLinkExport, linkExport, linkImport, linkReferenceImport } from '../constructs/link';
import { listExport, listImport } from '../constructs/list';
import { paragraphExport, paragraphImport } from '../constructs/paragraph';
import { quoteExport, quoteImport } from '../constructs/quote';
import { rawBlockExport, rawBlockImport, rawTextExport, rawTextImport } from '../constructs/raw';
import { tableExport, tableImport } from '../constructs/table';
import { inlineCodeImport, markImport, textExport, textImport } from '../constructs/text-format';
import { thematicBreakExport, thematicBreakImport } from '../constructs/thematic-break';
import type { BlockExportVisitor, BlockImportVisitor, InlineExportVisitor, InlineImportVisitor } from './types';

/** mdast block visitors. */
export const blockImportVisitors: readonly BlockImportVisitor[] = [
  paragraphImport,
  headingImport,
  quoteImport,
  listImport,
  codeImport,
  thematicBreakImport,
  tableImport,
  rawBlockImport,
];

/** mdast phrasing visitors. */
export const inlineImportVisitors: readonly InlineImportVisitor[] = [
  textImport,
  markImport,
  inlineCodeImport,
  breakImport,
  linkImport,
  linkReferenceImport,
  imageImport,
  imageReferenceImport,
  rawTextImport,
];

/** Lexical block visitors. */
export const blockExportVisitors: readonly BlockExportVisitor[] = [
  rawBlockExport,
  paragraphExport,
  headingExport,
  quoteExport,
  listExport,
  codeExport,
  thematicBreakExport,
  tableExport,
];

/** Lexical inline visitors. */
export const inlineExportVisitors: readonly InlineExportVisitor[] = [
  rawTextExport,
  textExport,
  breakExport,
  autoLinkExport,
  linkExport,
  imageExport,
];
