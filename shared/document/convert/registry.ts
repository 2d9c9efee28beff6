/**
 * The one list of construct visitors. Order matters for export: the first visitor whose test
 * matches wins (AutoLinkNode before LinkNode, RawTextNode before TextNode).
 */
import { alertExport, alertImport } from '../constructs/alert';
import { codeExport, codeImport } from '../constructs/code';
import { breakExport, breakImport } from '../constructs/hard-break';
import { headingExport, headingImport } from '../constructs/heading';
import { imageExport, imageImport, imageReferenceImport } from '../constructs/image';
import { autoLinkExport, linkExport, linkImport, linkReferenceImport } from '../constructs/link';
import { listExport, listImport } from '../constructs/list';
import { mdxBlockImport, mdxInlineImport } from '../constructs/mdx';
import { paragraphExport, paragraphImport } from '../constructs/paragraph';
import { quoteExport } from '../constructs/quote';
import { rawBlockExport, rawBlockImport, rawTextExport, rawTextImport } from '../constructs/raw';
import { tableExport, tableImport } from '../constructs/table';
import { inlineCodeImport, markImport, textExport, textImport } from '../constructs/text-format';
import { thematicBreakExport, thematicBreakImport } from '../constructs/thematic-break';
import type { BlockExportVisitor, BlockImportVisitor, InlineExportVisitor, InlineImportVisitor } from './types';

/** mdast block visitors. */
export const blockImportVisitors: readonly BlockImportVisitor[] = [
  paragraphImport,
  headingImport,
  // Block quotes: GitHub alerts, and every other quote through the quote construct's import.
  alertImport,
  listImport,
  codeImport,
  thematicBreakImport,
  tableImport,
  rawBlockImport,
  mdxBlockImport,
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
  mdxInlineImport,
];

/** Lexical block visitors. */
export const blockExportVisitors: readonly BlockExportVisitor[] = [
  rawBlockExport,
  paragraphExport,
  headingExport,
  alertExport,
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
