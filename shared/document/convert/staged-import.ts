/**
 * A long post imported in parts, so its first screen is editable long before the whole post is
 * parsed and built (issue 15): first the blocks of its opening kilobytes, then the rest, a few
 * blocks per call, each call its own editor update.
 *
 * Why the first part is exact: CommonMark decides block structure line by line, so every top-level
 * block that closed before the end of a prefix of the source is the same block in the whole source,
 * at the same offsets. Only the prefix's last block may still continue, and is left to the rest.
 * Inline content could still differ: a link reference or footnote defined further down changes how
 * `[text][label]` reads. A post with any definition line is therefore imported whole.
 * Template tags paired across blocks (segmentBlocks) are the one grouping a prefix can cut; the
 * rest checks the first part against the whole document's parse, and imports the whole document
 * again when they differ and the writer has not touched the first part yet.
 *
 * Nothing is ever lost, whatever the writer does meanwhile: until the last part is in, the
 * document's trailing text is the whole unimported remainder of the source, so even an export
 * in between writes every byte; each part is recorded on its own (import-record.ts), so a block
 * edited while later parts arrive is never mistaken for untouched.
 */
import type { Root } from 'mdast';
import { $getRoot, $getState, $setState, type LexicalNode } from 'lexical';
import { segmentBlocks, type Segment } from '../constructs/shortcode';
import { parseMarkdown, type ParseOptions } from '../markdown/parse';
import type { DocStyle } from '../markdown/style';
import { blockSourceState, documentInfoState } from '../state';
import { collectDefinitions, createImportContext } from './import-context';
import { $importParsed, $importSegment, $stampSource, documentStyle, newDocumentId } from './import';
import { $isUntouchedImport, $recordImport, restyleImport, type ImportRecord } from './import-record';
import type { ImportContext } from './types';

/** When a post is imported in parts, and how big the first part is. */
export interface StagedSizes {
  /** Posts shorter than this are imported whole: they open at once anyway. */
  stagedFrom: number;
  /** About how much source the first part takes: a screen of prose. */
  firstPart: number;
}

// A 1k-word post (7 KB) staged: its first screen shows ~35 ms sooner (the open's longest task
// 110–146 → 70–109 ms, measured in Chromium); below 5 KB staging would save little.

const SIZES: StagedSizes = { stagedFrom: 5_000, firstPart: 2_500 };
/** A link reference or footnote definition, anywhere (inside a code block it only costs the staging). */
const DEFINITION_LINE = /^ {0,3}\[[^\]\n]+\]:/m;

/** Where the rest is read from: the whole document's parse, or (see $beginRest) the rest's own. */
interface RestSource {
  text: string;
  /** Where `text` starts in the post's source. */
  offset: number;
  segments: Segment[];
  ctx: ImportContext;
  /** The next segment to import. */
  at: number;
}

/** One long post being imported in parts; see the file's comment. */
export class StagedImport {
  private readonly doc = newDocumentId();
  private first: { segments: Segment[]; blocks: LexicalNode[]; record: ImportRecord } | null = null;
  private rest: RestSource | null = null;
  private style: DocStyle | null = null;
  private finished = false;
  /** Top-level blocks imported so far. */
  private imported = 0;

  private constructor(
    private readonly markdown: string,
    private readonly options: ParseOptions,
    private readonly cut: number,
  ) {}

  /** A staged import of `markdown`, or null when it is better imported whole. */
  static plan(markdown: string, options: ParseOptions = {}, sizes: StagedSizes = SIZES): StagedImport | null {
    if (options.mdx === true || options.frontMatter === true || markdown.length < sizes.stagedFrom) return null;
    if (DEFINITION_LINE.test(markdown)) return null;
    // Cut after a blank line, where no paragraph or list item can run on.
    const blank = /\n[ \t]*\n/g;
    blank.lastIndex = sizes.firstPart;
    const found = blank.exec(markdown);
    if (!found || found.index > markdown.length / 2) return null;
    return new StagedImport(markdown, options, found.index + found[0].length);
  }

  /** Whether the whole post is in the editor. */
  get done(): boolean {
    return this.finished;
  }

  /** How many top-level blocks are in so far (it grows with every call that made progress). */
  get progress(): number {
    return this.imported;
  }

  /** Replaces the root's children with the first part. Call once, inside `editor.update`. */
  $importFirst(): void {
    const prefix = this.markdown.slice(0, this.cut);
    const tree = parseMarkdown(prefix, this.options);
    // The last block of the prefix may run on past the cut: it is imported with the rest.
    const segments = segmentBlocks(tree.children, prefix);
    const kept = segments.length - 1;
    if (kept < 1) {
      this.$importWhole(parseMarkdown(this.markdown, this.options));
      return;
    }
    const ctx = createImportContext(this.markdown, collectDefinitions(tree));
    const blocks: LexicalNode[] = [];
    for (const segment of segments.slice(0, kept))
      blocks.push($importSegment(segment, prefix, ctx, blocks[blocks.length - 1]));
    const root = $getRoot();
    root.clear();
    root.append(...blocks);
    const sources = blocks.map((block, index) => $stampSource(block, prefix, segments, index, this.doc, index));
    const style = documentStyle(tree, prefix, this.options);
    this.first = {
      segments: segments.slice(0, kept + 1),
      blocks,
      record: $recordImport(this.doc, blocks, sources, style),
    };
    this.imported = kept;
    this.$setInfo(segments[0]!.start, segments[kept - 1]!.end, style);
  }

  /**
   * Imports more of the rest: the first call parses the whole post, later ones build blocks until
   * `budgetMs` has passed (at least one block each). Returns whether the post is now complete.
   * Call inside `editor.update`, after {@link $importFirst}.
   */
  $importMore(budgetMs: number, now: () => number = () => performance.now()): boolean {
    if (this.finished) return true;
    if (!this.first) throw new Error('Masthead: the rest of a post was imported before its first part.');
    if (!this.rest) {
      this.$beginRest();
      return this.finished;
    }
    const rest = this.rest;
    const started = now();
    const root = $getRoot();
    const blocks: LexicalNode[] = [];
    const sources = [];
    do {
      const block = $importSegment(
        rest.segments[rest.at]!,
        rest.text,
        rest.ctx,
        blocks[blocks.length - 1] ?? root.getLastChild(),
      );
      sources.push($stampSource(block, rest.text, rest.segments, rest.at, this.doc, this.imported));
      blocks.push(block);
      rest.at += 1;
      this.imported += 1;
    } while (rest.at < rest.segments.length && now() - started < budgetMs);
    root.append(...blocks);
    $recordImport(this.doc, blocks, sources, this.style!, 'blocks');
    const last = rest.segments[rest.at - 1]!;
    this.$setInfo(this.leadingEnd(), rest.offset + last.end, this.style!);
    this.finished = rest.at === rest.segments.length;
    return this.finished;
  }

  /** Parses the whole post and checks the first part against it; see the file's comment. */
  private $beginRest(): void {
    const first = this.first!;
    const tree = parseMarkdown(this.markdown, this.options);
    const whole = segmentBlocks(tree.children, this.markdown);
    const same = first.segments.every(
      (segment, index) =>
        whole[index] !== undefined &&
        whole[index].start === segment.start &&
        (index === first.segments.length - 1 ||
          (whole[index].end === segment.end && whole[index].node?.type === segment.node?.type)),
    );
    if (!same && this.$firstPartUntouched()) {
      this.$importWhole(tree);
      return;
    }
    this.style = documentStyle(tree, this.markdown, this.options);
    restyleImport(first.record, this.style);
    const kept = first.blocks.length;
    if (same) {
      this.rest = {
        text: this.markdown,
        offset: 0,
        segments: whole,
        ctx: createImportContext(this.markdown, new Map()),
        at: kept,
      };
    } else {
      // The writer already edits the first part: keep it, and read the rest as a document of its own
      // from where the first part stopped, so every byte still has exactly one block or gap.
      const offset = first.segments[kept]!.start;
      const text = this.markdown.slice(offset);
      let segments = segmentBlocks(parseMarkdown(text, this.options).children, text);
      // Its first block starts where the cut block did; were it ever otherwise, the rest is kept as
      // one block of source rather than lose the text in between.
      if (segments[0]?.start !== 0) segments = [{ start: 0, end: text.length, node: null }];
      this.rest = { text, offset, segments, ctx: createImportContext(text, new Map()), at: 0 };
    }
    if (this.rest.at >= this.rest.segments.length) this.finished = true;
  }

  /** Whether the first part's blocks are all still there, in order, as imported. */
  private $firstPartUntouched(): boolean {
    const children = $getRoot().getChildren();
    const blocks = this.first!.blocks;
    return (
      children.length === blocks.length &&
      children.every((child, index) => {
        const source = $getState(child, blockSourceState);
        return child.getKey() === blocks[index]!.getKey() && source !== null && $isUntouchedImport(child, source);
      })
    );
  }

  private $importWhole(tree: Root): void {
    $importParsed(tree, this.markdown, this.options);
    this.imported = $getRoot().getChildrenSize();
    this.finished = true;
  }

  /** Where the first block starts: the text before it is the document's leading text. */
  private leadingEnd(): number {
    return this.first!.segments[0]!.start;
  }

  /**
   * The document's facts while blocks [leading, end) of the source are in: the trailing text is
   * everything after them, imported or not, so no export can ever drop the rest of the post.
   */
  private $setInfo(leading: number, end: number, style: DocStyle): void {
    $setState($getRoot(), documentInfoState, {
      doc: this.doc,
      leading: this.markdown.slice(0, leading),
      trailing: this.markdown.slice(end),
      hadBlocks: true,
      style,
      labels: [],
    });
  }
}
