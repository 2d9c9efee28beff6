/**
 * A long post imported in parts, so its first screen is editable long before the whole post is
 * parsed and built (issue 15): first the blocks of its opening kilobytes, then the rest, a few
 * blocks per call, each call its own editor update. The rest is parsed piece by piece too, a few
 * kilobytes at a time, so no call holds the page for the whole post's parse.
 *
 * Why every part is exact: CommonMark decides block structure line by line, so every top-level
 * block that closed before the end of a prefix of the source is the same block in the whole source,
 * at the same offsets. Only the prefix's last block may still continue: it is parsed again as the
 * start of the next piece. Each piece thus starts where a block of the whole document starts, with
 * nothing open, and reads as that part of the whole document does.
 * Inline content could still differ: a link reference or footnote defined further down changes how
 * `[text][label]` reads. A post with any definition line is therefore imported whole.
 * Template tags paired across blocks (segmentBlocks) are the one grouping a piece could cut: a
 * piece keeps no block that opens a pair whose closing tag comes later in the post; that block
 * starts the next piece, which grows until the pair is inside it.
 * The document's style (which markers it uses) is tallied piece by piece and given to every part
 * once the last is in (an export before that brings the rest in first: loading-gate.ts).
 *
 * Nothing is ever lost, whatever the writer does meanwhile: until the last part is in, the
 * document's trailing text is the whole unimported remainder of the source, so even an export
 * in between writes every byte; each part is recorded on its own (import-record.ts), so a block
 * edited while later parts arrive is never mistaken for untouched.
 */
import { $getRoot, $setState, type LexicalNode } from 'lexical';
import { closingPatternFor, segmentBlocks, type Segment } from '../constructs/shortcode';
import { parseMarkdown, type ParseOptions } from '../markdown/parse';
import { StyleTally, type DocStyle } from '../markdown/style';
import { documentInfoState } from '../state';
import { createImportContext } from './import-context';
import { $importParsed, $importSegment, $stampSource, newDocumentId } from './import';
import { $recordImport, restyleImport, type ImportRecord } from './import-record';
import type { ImportContext } from './types';

/** When a post is imported in parts, and how big the parts are. */
export interface StagedSizes {
  /** Posts shorter than this are imported whole: they open at once anyway. */
  stagedFrom: number;
  /** About how much source the first part takes: a screen of prose. */
  firstPart: number;
  /** About how much source each later piece parses at once. */
  piece: number;
}

// A 1k-word post (7 KB) staged: its first screen shows ~35 ms sooner (the open's longest task
// 110–146 → 70–109 ms, measured in Chromium); below 5 KB staging would save little. A 2 KB piece
// parses in a few ms, well inside a slice between frames.
const SIZES: StagedSizes = { stagedFrom: 5_000, firstPart: 2_500, piece: 2_000 };
/** A link reference or footnote definition, anywhere (inside a code block it only costs the staging). */
const DEFINITION_LINE = /^ {0,3}\[[^\]\n]+\]:/m;
/** A blank line: a piece ends after one, where no paragraph or list item can run on. */
const BLANK_LINE = /\n[ \t]*\n/g;

/** One parsed piece of the source: the blocks it keeps are imported from it. */
interface Piece {
  text: string;
  /** Where `text` starts in the post's source. */
  offset: number;
  segments: Segment[];
  ctx: ImportContext;
  /** How many of `segments` are final (the rest start the next piece). */
  keep: number;
  /** The next segment to import. */
  at: number;
}

/** One long post being imported in parts; see the file's comment. */
export class StagedImport {
  private readonly doc = newDocumentId();
  private readonly tally = new StyleTally();
  private readonly records: ImportRecord[] = [];
  private piece: Piece | null = null;
  /** Where the next piece is parsed from: the start of the line its first block starts on. */
  private next = 0;
  /** Where that block starts (after its line's indentation, which the previous block's gap holds). */
  private nextBlock = 0;
  /** Where the first block starts: the text before it is the document's leading text. */
  private leading = 0;
  /** Where the last block imported so far ends. */
  private end = 0;
  private finished = false;
  /** Top-level blocks imported so far. */
  private imported = 0;

  private constructor(
    private readonly markdown: string,
    private readonly options: ParseOptions,
    private readonly sizes: StagedSizes,
  ) {}

  /** A staged import of `markdown`, or null when it is better imported whole. */
  static plan(markdown: string, options: ParseOptions = {}, sizes: StagedSizes = SIZES): StagedImport | null {
    if (options.mdx === true || options.frontMatter === true || markdown.length < sizes.stagedFrom) return null;
    if (DEFINITION_LINE.test(markdown)) return null;
    // Worth it only when the first part leaves most of the post for later.
    if (cutAfter(markdown, sizes.firstPart) > markdown.length / 2) return null;
    return new StagedImport(markdown, options, sizes);
  }

  /** Whether the whole post is in the editor. */
  get done(): boolean {
    return this.finished;
  }

  /** Replaces the root's children with the first part. Call once, inside `editor.update`. */
  $importFirst(): void {
    const piece = this.readPiece(this.sizes.firstPart);
    if (piece.keep === 0) {
      // A post with no block at all (the first piece grows until it keeps one, or holds the whole post).
      $importParsed(parseMarkdown(this.markdown, this.options), this.markdown, this.options);
      this.finished = true;
      return;
    }
    this.leading = piece.segments[0]!.start;
    const root = $getRoot();
    root.clear();
    this.$importFrom(piece, Number.POSITIVE_INFINITY, () => 0, 'document');
  }

  /**
   * Imports more of the rest: parses the next piece when the last one is used up, and builds blocks
   * until `budgetMs` has passed (at least one block each call). Returns whether the post is now
   * complete. Call inside `editor.update`, after {@link $importFirst}.
   */
  $importMore(budgetMs: number, now: () => number = () => performance.now()): boolean {
    if (this.finished) return true;
    if (this.records.length === 0) throw new Error('Masthead: the rest of a post was imported before its first part.');
    const started = now();
    do {
      const piece = this.piece ?? this.readPiece(this.sizes.piece);
      this.$importFrom(piece, budgetMs, now, 'blocks', started);
    } while (!this.finished && now() - started < budgetMs);
    return this.finished;
  }

  /** Builds `piece`'s kept blocks from where it stopped, until the budget is spent or they are all in. */
  private $importFrom(
    piece: Piece,
    budgetMs: number,
    now: () => number,
    scope: 'document' | 'blocks',
    started = now(),
  ): void {
    const root = $getRoot();
    const blocks: LexicalNode[] = [];
    const sources = [];
    while (piece.at < piece.keep) {
      const segment = piece.segments[piece.at]!;
      const block = $importSegment(segment, piece.text, piece.ctx, blocks[blocks.length - 1] ?? root.getLastChild());
      sources.push($stampSource(block, piece.text, piece.segments, piece.at, this.doc, this.imported));
      blocks.push(block);
      piece.at += 1;
      this.imported += 1;
      if (now() - started >= budgetMs) break;
    }
    if (piece.at > 0) this.end = piece.offset + piece.segments[piece.at - 1]!.end;
    if (piece.at === piece.keep) {
      this.piece = null;
      const following = piece.segments[piece.keep];
      if (following === undefined) this.finished = true;
      else {
        this.nextBlock = piece.offset + following.start;
        // Parsed from its line's start: a list indented by a space or three reads differently from its marker on.
        this.next = Math.max(this.end, this.markdown.lastIndexOf('\n', this.nextBlock - 1) + 1);
      }
    } else {
      this.piece = piece;
    }
    root.append(...blocks);
    const style = this.tally.style();
    this.records.push($recordImport(this.doc, blocks, sources, style, scope));
    if (this.finished) for (const record of this.records) restyleImport(record, style);
    this.$setInfo(this.end, style);
  }

  /**
   * Parses the source from `this.next` to a blank line about `size` characters on, growing the piece
   * until it keeps a block; its kept blocks are tallied for the document's style.
   */
  private readPiece(size: number): Piece {
    // A later piece is read from the line break before its line: a piece starting with a byte order
    // mark would lose it (the parser drops one at the start of a document, not in the middle).
    const offset = this.next > 0 && this.markdown[this.next - 1] === '\n' ? this.next - 1 : this.next;
    // At least one character on: a piece always holds the start of a block.
    let end = cutAfter(this.markdown, this.next + Math.max(1, size));
    for (;;) {
      const text = this.markdown.slice(offset, end);
      const tree = parseMarkdown(text, this.options);
      const segments = segmentBlocks(tree.children, text);
      if (offset > 0 && segments[0] !== undefined && offset + segments[0].start !== this.nextBlock) {
        // A later piece's first block is the one the previous piece could not keep; were it ever
        // otherwise, the rest is kept as one block of source rather than lose the text in between.
        const rest = this.markdown.slice(this.nextBlock);
        return pieceOf(rest, this.nextBlock, [{ start: 0, end: rest.length, node: null }], 1);
      }
      const last = end >= this.markdown.length;
      const keep = last ? segments.length : this.finalBlocks(segments, text, offset);
      if (keep > 0 || last) {
        const keptEnd = keep > 0 ? segments[keep - 1]!.end : 0;
        for (const child of tree.children) {
          if ((child.position?.end.offset ?? 0) > keptEnd) break;
          this.tally.add(child, text);
        }
        return pieceOf(text, offset, segments, keep);
      }
      end = cutAfter(this.markdown, end + Math.max(1, size));
    }
  }

  /**
   * How many of a piece's segments are final: all but the last (it may run on past the piece), and
   * none from a block that opens a paired template tag whose closing tag comes later in the post.
   */
  private finalBlocks(segments: Segment[], text: string, offset: number): number {
    const keep = segments.length - 1;
    for (let at = 0; at < keep; at += 1) {
      const segment = segments[at]!;
      if (segment.node === null) continue;
      const source = text.slice(segment.start, segment.end);
      const closing = closingPatternFor(source);
      if (closing && !closing.test(source) && this.occursAfter(closing, offset + segment.end)) return at;
    }
    return keep;
  }

  /** Whether `pattern` matches anywhere in the post from `from` on (searched in place, not in a copy). */
  private occursAfter(pattern: RegExp, from: number): boolean {
    const search = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    search.lastIndex = from;
    return search.test(this.markdown);
  }

  /**
   * The document's facts while the source up to `end` is in: the trailing text is everything
   * after it, imported or not, so no export can ever drop the rest of the post.
   */
  private $setInfo(end: number, style: DocStyle): void {
    $setState($getRoot(), documentInfoState, {
      doc: this.doc,
      leading: this.markdown.slice(0, this.leading),
      trailing: this.markdown.slice(end),
      hadBlocks: true,
      style,
      labels: [],
    });
  }
}

/** A piece of the source, none of its blocks imported yet (definitions: staged posts have none). */
function pieceOf(text: string, offset: number, segments: Segment[], keep: number): Piece {
  return { text, offset, segments, ctx: createImportContext(text, new Map()), keep, at: 0 };
}

/** Where the first piece of `markdown` reaching past `from` ends: after a blank line (the end when there is none). */
function cutAfter(markdown: string, from: number): number {
  BLANK_LINE.lastIndex = Math.min(from, markdown.length);
  const found = BLANK_LINE.exec(markdown);
  return found ? found.index + found[0].length : markdown.length;
}
