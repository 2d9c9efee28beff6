/**
 * The one list of Markdown constructs. Each construct declares its Lexical nodes and its visitors
 * once, in its folder under `constructs/`; the converters and the editor read them from here.
 * Order matters for export: the first export visitor whose test matches wins, so a construct whose
 * node extends another's comes first (raw text before text, auto links before links). Import
 * visitors are found by mdast type, and no two constructs claim the same type.
 */
import type { Klass, LexicalNode } from 'lexical';
import { alertConstruct } from '../constructs/alert';
import { codeConstruct } from '../constructs/code';
import { hardBreakConstruct } from '../constructs/hard-break';
import { headingConstruct } from '../constructs/heading';
import { imageConstruct } from '../constructs/image';
import { linkConstruct } from '../constructs/link';
import { listConstruct } from '../constructs/list';
import { mdxConstruct } from '../constructs/mdx';
import { paragraphConstruct } from '../constructs/paragraph';
import { quoteConstruct } from '../constructs/quote';
import { rawConstruct } from '../constructs/raw';
import { tableConstruct } from '../constructs/table';
import { textConstruct } from '../constructs/text-format';
import { thematicBreakConstruct } from '../constructs/thematic-break';
import type {
  BlockExportVisitor,
  AnyBlockImportVisitor,
  Construct,
  InlineExportVisitor,
  AnyInlineImportVisitor,
} from './types';

/** Every construct, in export precedence order. */
export const constructs: readonly Construct[] = [
  rawConstruct,
  paragraphConstruct,
  headingConstruct,
  // Block quotes: alerts' import reads every quote and hands the plain ones to the quote construct.
  alertConstruct,
  quoteConstruct,
  listConstruct,
  codeConstruct,
  thematicBreakConstruct,
  tableConstruct,
  mdxConstruct,
  textConstruct,
  hardBreakConstruct,
  linkConstruct,
  imageConstruct,
];

/** mdast block visitors. */
export const blockImportVisitors: readonly AnyBlockImportVisitor[] = constructs.flatMap(
  (construct) => construct.blockImports ?? [],
);
/** mdast phrasing visitors. */
export const inlineImportVisitors: readonly AnyInlineImportVisitor[] = constructs.flatMap(
  (construct) => construct.inlineImports ?? [],
);
/** Lexical block visitors. */
export const blockExportVisitors: readonly BlockExportVisitor[] = constructs.flatMap(
  (construct) => construct.blockExports ?? [],
);
/** Lexical inline visitors. */
export const inlineExportVisitors: readonly InlineExportVisitor[] = constructs.flatMap(
  (construct) => construct.inlineExports ?? [],
);
/** The node classes to register in any editor that edits Markdown documents. */
export const constructNodes: ReadonlyArray<Klass<LexicalNode>> = [
  ...new Set(constructs.flatMap((construct) => construct.nodes ?? [])),
];
