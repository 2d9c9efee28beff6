/**
 * The visitor contracts: each Markdown construct owns an import visitor (mdast → Lexical) and an
 * export visitor (Lexical → mdast) in its folder under `constructs/`, MDXEditor-style; the
 * registry lists them and the converters in this folder only dispatch.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Klass, LexicalNode, TextFormatType } from 'lexical';
import type { DocStyle } from '../markdown/style';
import type { SyntaxStyle } from '../state';

/** A link reference definition, by normalized identifier, for resolving `[text][label]`. */
export interface DefinitionInfo {
  url: string;
  title: string | null;
  /** The label as written. */
  label: string;
}

/** What inline content inherits from the emphasis/strong/delete it sits in. */
export interface InlineInherit {
  formats: readonly TextFormatType[];
  /** Markers of the enclosing emphasis/strong as written (`{emphasis: '_', strong: '*'}`). */
  syntax: SyntaxStyle;
  /** Inside a list item or quote, whose line prefixes the exporter writes itself. */
  container?: boolean;
}

/** Services an import visitor can call. */
export interface ImportContext {
  /** The whole Markdown body the positions refer to. */
  readonly source: string;
  readonly definitions: ReadonlyMap<string, DefinitionInfo>;
  /** 0 for top-level blocks, more inside block quotes. */
  readonly depth: number;
  /** The node's exact source text. */
  slice(node: Nodes): string;
  /** Imports nested blocks; null when one of them cannot be represented (the caller falls back to raw). */
  $importBlocks(nodes: readonly RootContent[]): LexicalNode[] | null;
  /** An export context, for remembering how imported nodes will be written back (a table's cells). */
  exportContext(style: DocStyle, mode: ExportMode): ExportContext;
  /** Imports phrasing content. */
  $importInline(nodes: readonly PhrasingContent[], inherit: InlineInherit): LexicalNode[];
}

/** mdast block → Lexical block. */
/**
 * The mdast node of type `T` (`MdastNode<'heading'>` is a Heading). Types mdast does not declare
 * (front-matter `toml`, our parser's `templateTag`) are any node.
 */
export type MdastNode<T extends string> =
  Extract<Nodes, { type: T }> | ([Exclude<T, Nodes['type']>] extends [never] ? never : Nodes);

/** mdast block → Lexical block, for the mdast types `T`. */
export interface BlockImportVisitor<T extends string = string> {
  /** The mdast node types handled. */
  readonly types: readonly T[];
  /** Returns null when the node cannot be represented faithfully; it then becomes a raw block. */
  $import(node: MdastNode<T>, ctx: ImportContext): LexicalNode | null;
}

/**
 * A block import visitor for whichever mdast types it declares, as constructs and the registry hold
 * them: the registry hands each visitor only nodes of its own `types`, which TypeScript cannot follow.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: dispatch is by `types`
export type AnyBlockImportVisitor = BlockImportVisitor<any>;

/** mdast phrasing → Lexical inline nodes. */
export interface InlineImportVisitor<T extends string = string> {
  readonly types: readonly T[];
  $import(node: MdastNode<T>, ctx: ImportContext, inherit: InlineInherit): LexicalNode[];
}

/** An inline import visitor for whichever mdast types it declares (see AnyBlockImportVisitor). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- dispatch is by `types`
export type AnyInlineImportVisitor = InlineImportVisitor<any>;

/**
 * How inline content is written. `preserve`: every run the writer did not touch as its source, new
 * text as typed; `minimal`: new text escaped only where it could start Markdown; `safe`: new text
 * escaped as mdast-util-to-markdown escapes; `full`: everything serialized (escaped) from its text.
 * The exporter tries them in this order and keeps the first that reads back right.
 */
export type ExportMode = 'preserve' | 'minimal' | 'safe' | 'full';

/** Services an export visitor can call. */
export interface ExportContext {
  readonly style: DocStyle;
  readonly mode: ExportMode;
  /** Exports nested blocks (inside a shadow-root quote). */
  $exportBlocks(nodes: readonly LexicalNode[]): RootContent[];
  /** Exports inline children, rebuilding emphasis/strong/delete nesting from text formats. */
  $exportInline(nodes: readonly LexicalNode[]): PhrasingContent[];
  /** Exports inline children as flat runs (for containers such as links that nest them themselves). */
  $inlineRuns(nodes: readonly LexicalNode[]): InlineRun[];
  /** The same context in another mode (a table compares what it writes with what it would keep). */
  withMode(mode: ExportMode): ExportContext;
}

/** Lexical block → mdast block. */
export interface BlockExportVisitor<N extends LexicalNode = LexicalNode> {
  /** Whether this visitor writes `node`; the first visitor in the registry that says so does. */
  $test(node: LexicalNode): node is N;
  /** Returns null for a block with nothing to write (an empty paragraph). */
  $export(node: N, ctx: ExportContext): RootContent | null;
}

/** The marks that nest around inline content. */
export type Mark = 'strong' | 'emphasis' | 'delete';

/** One inline leaf with the marks around it, before nesting is rebuilt. */
export interface InlineRun {
  node: PhrasingContent;
  /** null for content without formatting of its own (breaks, images): it joins its neighbours' marks. */
  marks: readonly Mark[] | null;
  /** Markers recorded at import, used for the marks opened at this run. */
  syntax: SyntaxStyle;
}

/** Lexical inline node → runs. */
export interface InlineExportVisitor<N extends LexicalNode = LexicalNode> {
  $test(node: LexicalNode): node is N;
  $export(node: N, ctx: ExportContext): InlineRun[];
}

/**
 * Everything one Markdown construct brings, declared once in its folder under `constructs/`: its
 * Lexical node classes and its visitors. The registry lists constructs; nothing else names them.
 */
export interface Construct {
  /** For messages and tests, e.g. 'heading'. */
  readonly name: string;
  /** Node classes an editor must register (Lexical's own or ours). */
  readonly nodes?: ReadonlyArray<Klass<LexicalNode>>;
  readonly blockImports?: readonly AnyBlockImportVisitor[];
  readonly inlineImports?: readonly AnyInlineImportVisitor[];
  readonly blockExports?: readonly BlockExportVisitor[];
  readonly inlineExports?: readonly InlineExportVisitor[];
}
