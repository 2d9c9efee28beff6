/**
 * Three-way merge of Markdown bodies with top-level blocks as units: what Masthead does when the
 * writer's unsaved edits meet a post that changed on disk, or a co-author's pushed change.
 *
 * Each side is diffed against the base as a sequence of blocks (jsdiff's `diffArrays` over the
 * blocks' source text), giving an edit script of hunks (a run of base blocks replaced by the
 * side's blocks). The two scripts are then merged: hunks that do not overlap both apply (an
 * insertion right before or after a block the other side edited does not overlap it, and blocks
 * both sides added where their changes meet are kept once); the same change on both sides
 * applies once; different changes to the same blocks, or two different insertions at one place,
 * are a conflict. Blocks nobody changed keep their bytes. The spacing
 * after a block is merged apart from the block, so appending after the last paragraph is not an
 * edit of that paragraph. The result uses the line endings of `theirs`.
 *
 * @example
 * const result = mergeBody(base, mine, theirs);
 * if (result.text !== null) write(result.text);
 * else show(result.conflicts.map((c) => c.description)); // then resolveBody(result, ['mine', { text: '…' }])
 */
import { diffArrays } from 'diff';
import { splitBlocks, type BlockOptions, type BlockSplit, type SourceBlock } from './blocks';
import { describeRegion } from './describe-block';

/** Two sides changed the same blocks differently (or inserted different blocks at one place). */
export interface BlockConflict {
  /** 0-based index in the base body of the first block concerned (for an insertion: the block it goes before). */
  index: number;
  /** The base blocks concerned, each as its source followed by the spacing after it. */
  base: string[];
  /** What the writer's side has in their place. */
  mine: string[];
  /** What the other side (the file on disk, the co-author's commit) has in their place. */
  theirs: string[];
  /** The place in words, for a dialog: `Paragraph 3 (“The first skeins of brent geese…”)`. */
  description: string;
}

/** How one block conflict is settled: one side's blocks, or text the writer typed for the region. */
export type BlockChoice = 'mine' | 'theirs' | { text: string };

/** A block of the merged body: its source and the spacing after it (LF). */
export interface MergedBlock {
  content: string;
  gap: string;
}

/** One stretch of the merged body: a settled block, or a conflict with each side's blocks. */
export type BodyPart = { block: MergedBlock } | { conflict: number; mine: MergedBlock[]; theirs: MergedBlock[] };

/** The outcome of {@link mergeBody}: plain data, so it can cross the bridge and be resolved on the other side. */
export interface BodyMergeResult {
  /** The merged body when nothing conflicts, else null (see `conflicts`). */
  text: string | null;
  conflicts: BlockConflict[];
  /** The merged body before resolution (LF); `resolveBody` turns it into text. */
  parts: BodyPart[];
  head: string;
  tail: string;
  /** The line ending the text is written in: theirs. */
  eol: '\n' | '\r\n';
}

interface Hunk {
  /** Base range [start, end) replaced by `blocks`; start === end for an insertion. */
  start: number;
  end: number;
  blocks: SourceBlock[];
}

interface SideDiff {
  hunks: Hunk[];
  /** For each base block the side kept, the spacing the side has after it. */
  gaps: Map<number, string>;
}

/** Merges three versions of a Markdown body. Line endings of the result follow `theirs`. */
export function mergeBody(base: string, mine: string, theirs: string, options: BlockOptions = {}): BodyMergeResult {
  const eol = lineEndingOf(theirs);
  // Whole-text shortcuts: when a side changed nothing, the other side is the answer, byte for byte.
  if (mine === base || mine === theirs) return settled(theirs, eol);
  if (theirs === base) return settled(mine, eol);
  const split = (text: string): BlockSplit => splitBlocks(toLf(text), options);
  return mergeSplits(split(base), split(mine), split(theirs), eol);
}

/**
 * The body once every conflict is settled; `choices[i]` settles `result.conflicts[i]`. Throws
 * when a conflict has no choice, rather than drop either side's text.
 */
export function resolveBody(result: BodyMergeResult, choices: readonly BlockChoice[]): string {
  if (result.text !== null) return result.text;
  return writeParts(result, choices);
}

function writeParts(result: BodyMergeResult, choices: readonly BlockChoice[]): string {
  const blocks: MergedBlock[] = [];
  for (const part of result.parts) {
    if ('block' in part) {
      blocks.push(part.block);
      continue;
    }
    const choice = choices[part.conflict];
    if (choice === undefined) throw new Error(`Merge conflict ${part.conflict + 1} has no resolution.`);
    if (choice === 'mine') blocks.push(...part.mine);
    else if (choice === 'theirs') blocks.push(...part.theirs);
    else blocks.push(...typedBlocks(choice.text));
  }
  return fromLf(assemble(result.head, blocks, result.tail), result.eol);
}

/** Merges bodies already cut into blocks (LF). Exposed for tests and for callers that hold splits. */
export function mergeSplits(
  base: BlockSplit,
  mine: BlockSplit,
  theirs: BlockSplit,
  eol: '\n' | '\r\n' = '\n',
): BodyMergeResult {
  const ours = diffSide(base.blocks, mine.blocks);
  const other = diffSide(base.blocks, theirs.blocks);
  const parts: BodyPart[] = [];
  const conflicts: BlockConflict[] = [];
  let at = 0;
  const kept = (index: number): MergedBlock => {
    const block = base.blocks[index] as SourceBlock;
    return {
      content: block.content,
      gap: pick(block.gap, ours.gaps.get(index) ?? block.gap, other.gaps.get(index) ?? block.gap),
    };
  };
  const keep = (until: number): void => {
    for (; at < until; at += 1) parts.push({ block: kept(at) });
  };
  for (const cluster of clusters(ours.hunks, other.hunks)) {
    keep(cluster.start);
    const mineBlocks = sideResult(base.blocks, ours, cluster);
    const theirBlocks = sideResult(base.blocks, other, cluster);
    if (cluster.mine.length === 0 || cluster.theirs.length === 0 || sameBlocks(mineBlocks, theirBlocks)) {
      const chosen = cluster.theirs.length > 0 ? theirBlocks : mineBlocks;
      for (const block of chosen) parts.push({ block });
    } else if (!clashes(cluster)) {
      for (const block of applyBoth(cluster, kept)) parts.push({ block });
    } else {
      const baseBlocks = base.blocks.slice(cluster.start, cluster.end);
      conflicts.push({
        index: cluster.start,
        base: baseBlocks.map(sourceOf),
        mine: mineBlocks.map(sourceOf),
        theirs: theirBlocks.map(sourceOf),
        description: describeRegion(
          base.blocks,
          cluster.start,
          cluster.end - cluster.start,
          mineBlocks[0] ?? theirBlocks[0],
        ),
      });
      parts.push({ conflict: conflicts.length - 1, mine: mineBlocks, theirs: theirBlocks });
    }
    at = cluster.end;
  }
  keep(base.blocks.length);
  const head = pick(base.head, mine.head, theirs.head);
  const tail = pick(base.tail, mine.tail, theirs.tail);
  const result: BodyMergeResult = { text: null, conflicts, parts, head, tail, eol };
  if (conflicts.length === 0) result.text = writeParts(result, []);
  return result;
}

/** One side's edit script against the base. */
function diffSide(base: readonly SourceBlock[], side: readonly SourceBlock[]): SideDiff {
  const changes = diffArrays(
    base.map((block) => block.content),
    side.map((block) => block.content),
  );
  const hunks: Hunk[] = [];
  const gaps = new Map<number, string>();
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  for (const change of changes) {
    if (change.added) {
      open ??= { start: i, end: i, blocks: [] };
      open.blocks.push(...side.slice(j, j + change.count));
      j += change.count;
    } else if (change.removed) {
      open ??= { start: i, end: i, blocks: [] };
      i += change.count;
      open.end = i;
    } else {
      if (open) hunks.push(open);
      open = null;
      for (let k = 0; k < change.count; k += 1) gaps.set(i + k, (side[j + k] as SourceBlock).gap);
      i += change.count;
      j += change.count;
    }
  }
  if (open) hunks.push(open);
  return { hunks, gaps };
}

interface Cluster {
  start: number;
  end: number;
  mine: Hunk[];
  theirs: Hunk[];
}

/**
 * Groups the hunks of both sides into runs that overlap or touch (one ends where the other
 * starts), so that blocks both sides added where their changes meet can be kept once. One side's
 * own hunks never touch: a kept block always separates them.
 */
function clusters(mine: readonly Hunk[], theirs: readonly Hunk[]): Cluster[] {
  const out: Cluster[] = [];
  for (const { hunk, mine: isMine } of inOrder([
    ...mine.map((hunk) => ({ hunk, mine: true })),
    ...theirs.map((hunk) => ({ hunk, mine: false })),
  ])) {
    let cluster = out[out.length - 1];
    if (!cluster || hunk.start > cluster.end) {
      cluster = { start: hunk.start, end: hunk.end, mine: [], theirs: [] };
      out.push(cluster);
    }
    cluster.end = Math.max(cluster.end, hunk.end);
    (isMine ? cluster.mine : cluster.theirs).push(hunk);
  }
  return out;
}

/** Hunks in base order; at one place an insertion comes before a replacement starting there, as it goes before it. */
function inOrder<T extends { hunk: Hunk }>(items: T[]): T[] {
  return items.sort((a, b) => a.hunk.start - b.hunk.start || span(a.hunk) - span(b.hunk));
}

function span(hunk: Hunk): number {
  return hunk.end > hunk.start ? 1 : 0;
}

/**
 * True when the two sides' hunks in a cluster really collide: they share a base block, an
 * insertion falls strictly inside the other side's range, or both insert at the same place.
 * Hunks that only touch do not collide.
 */
function clashes(cluster: Cluster): boolean {
  return cluster.mine.some((a) => cluster.theirs.some((b) => overlaps(a, b)));
}

function overlaps(a: Hunk, b: Hunk): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return b.start < a.start && a.start < b.end;
  if (bEmpty) return a.start < b.start && b.start < a.end;
  return b.start < a.end && a.start < b.end;
}

/**
 * Both sides' hunks of a cluster that only touch, applied in base order. Where two hunks meet,
 * blocks that end the first and start the second alike were added by both sides: kept once.
 */
function applyBoth(cluster: Cluster, kept: (index: number) => MergedBlock): MergedBlock[] {
  const out: MergedBlock[] = [];
  let at = cluster.start;
  let previous: MergedBlock[] = [];
  for (const { hunk } of inOrder([...cluster.mine, ...cluster.theirs].map((hunk) => ({ hunk })))) {
    if (at < hunk.start) previous = [];
    for (; at < hunk.start; at += 1) out.push(kept(at));
    const blocks = hunk.blocks.map(({ content, gap }) => ({ content, gap }));
    const shared = sharedRun(previous, blocks);
    out.splice(out.length - shared, shared, ...blocks);
    previous = blocks;
    at = Math.max(at, hunk.end);
  }
  for (; at < cluster.end; at += 1) out.push(kept(at));
  return out;
}

/** The length of the longest run of blocks that ends `before` and starts `after`. */
function sharedRun(before: readonly MergedBlock[], after: readonly MergedBlock[]): number {
  for (let length = Math.min(before.length, after.length); length > 0; length -= 1) {
    if (sameBlocks(before.slice(before.length - length), after.slice(0, length))) return length;
  }
  return 0;
}

/** What one side made of the cluster's base range: its hunks' blocks, and the base blocks it kept between them. */
function sideResult(base: readonly SourceBlock[], side: SideDiff, cluster: Cluster): MergedBlock[] {
  const hunks = side.hunks.filter((hunk) => hunkIn(hunk, cluster));
  const out: MergedBlock[] = [];
  let at = cluster.start;
  for (const hunk of hunks) {
    for (; at < hunk.start; at += 1) out.push(keptBlock(base, side, at));
    out.push(...hunk.blocks.map(({ content, gap }) => ({ content, gap })));
    at = hunk.end;
  }
  for (; at < cluster.end; at += 1) out.push(keptBlock(base, side, at));
  return out;
}

function hunkIn(hunk: Hunk, cluster: Cluster): boolean {
  return cluster.mine.includes(hunk) || cluster.theirs.includes(hunk);
}

function keptBlock(base: readonly SourceBlock[], side: SideDiff, index: number): MergedBlock {
  const block = base[index] as SourceBlock;
  return { content: block.content, gap: side.gaps.get(index) ?? block.gap };
}

function sameBlocks(a: readonly MergedBlock[], b: readonly MergedBlock[]): boolean {
  return a.length === b.length && a.every((block, index) => block.content === b[index]?.content);
}

function sourceOf(block: MergedBlock): string {
  return block.content + block.gap;
}

/** Three-way pick of a value merged as a whole: a change on one side wins; theirs when both changed. */
function pick(base: string, mine: string, theirs: string): string {
  return mine === base ? theirs : theirs === base ? mine : theirs;
}

/** Joins merged blocks: a block that ended its own version gets a blank line once another follows it. */
function assemble(head: string, blocks: readonly MergedBlock[], tail: string): string {
  const last = blocks.length - 1;
  const body = blocks.map(
    (block, index) => block.content + (index === last ? '' : block.gap === '' ? '\n\n' : block.gap),
  );
  return head + body.join('') + tail;
}

/** Text the writer typed to settle a conflict, as blocks: trailing line breaks become the spacing. */
function typedBlocks(text: string): MergedBlock[] {
  const content = toLf(text).replace(/\s+$/, '');
  return content === '' ? [] : [{ content, gap: '' }];
}

function settled(text: string, eol: '\n' | '\r\n'): BodyMergeResult {
  return { text, conflicts: [], parts: [], head: toLf(text), tail: '', eol };
}

function lineEndingOf(text: string): '\n' | '\r\n' {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

function toLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

function fromLf(text: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? text : text.replace(/\n/g, '\r\n');
}
