/**
 * Lossless YAML front matter patching. The old and new data are walked side by side over the
 * parsed document; only values that differ are rewritten, by replacing their exact source range.
 * Everything else (key order, comments, quoting, indentation, folded lines) keeps its bytes.
 * Returns null when the document uses something this patcher does not map (complex keys, a
 * non-mapping root); the caller then falls back to re-serializing. The caller also parses the
 * result back, so a patch that changes meaning (e.g. rewriting a value whose anchor an alias uses)
 * is caught there and replaced by a fallback.
 *
 * Lossy cases (layout only, never data): a changed flow collection (`[a, b]`) is rewritten on one
 * line; a value whose type changes (text → list) is written fresh in block style, and a comment
 * that sat on its last line moves to the new last line; a changed value carrying a tag (`!!str`)
 * or an anchor that aliases use is rewritten without it.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { JsonValue } from '../api';
import { isJsonObject, isJsonScalar, jsonEqual, ownValue, placeAddedKeys } from './json-values';
import type { JsonObject } from './json-values';
import { applyEdits, columnOf, lineStartOf, nextLineStart, startsLine } from './text-edits';
import type { TextEdit } from './text-edits';
import { DEFAULT_YAML_LAYOUT, emitYamlFlow, emitYamlItem, emitYamlPair, renderYamlKey } from './yaml-emit';
import type { YamlLayout } from './yaml-emit';
import { renderYamlScalar } from './yaml-scalar';
import type { YamlScalarStyle } from './yaml-scalar';

/** Fold width for text that was folded across lines (what js-yaml, behind Decap CMS, uses). */
const FOLD_WIDTH = 80;

/** Patches LF YAML `source` (whose data is `oldData`) so it holds `newData`; null when it cannot. */
export function patchYaml(source: string, oldData: JsonObject, newData: JsonObject): string | null {
  const doc = parseDocument(source, { schema: 'core', keepSourceTokens: true });
  if (doc.errors.length > 0) return null;
  const root = doc.contents;
  const aliased = new Set<string>();
  visit(doc, { Alias: (_, alias) => void aliased.add(alias.source) });
  const patcher = new YamlPatcher(source, detectYamlLayout(source, root), aliased);
  if (root === null) {
    patcher.appendPairs(source.length, Object.keys(newData), newData, 0);
  } else if (!isMap(root) || root.flow || !patcher.patchMap(root, oldData, newData, true)) {
    return null;
  }
  return applyEdits(source, patcher.edits);
}

/** The indentation habits of a parsed file, from its first nested map and first block sequence. */
export function detectYamlLayout(source: string, root: Node | null): YamlLayout {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  if (root !== null) {
    visit(root, {
      Pair(_, pair) {
        const value = pair.value;
        if (!isScalar(pair.key) || !pair.key.range || !(isMap(value) || isSeq(value)) || value.flow) return;
        const keyColumn = columnOf(source, pair.key.range[0]);
        if (!startsLine(source, pair.key.range[0]) && isSeq(value)) return;
        const first = isMap(value) ? firstKeyStart(value) : dashOffsets(value)?.[0];
        if (first === undefined) return;
        const step = columnOf(source, first) - keyColumn;
        if (isSeq(value)) indentSeq ??= step > 0;
        if (step > 0) indent ??= step;
        if (indent !== undefined && indentSeq !== undefined) return visit.BREAK;
      },
    });
  }
  return { indent: indent ?? DEFAULT_YAML_LAYOUT.indent, indentSeq: indentSeq ?? DEFAULT_YAML_LAYOUT.indentSeq };
}

function firstKeyStart(map: YAMLMap): number | undefined {
  const first = map.items[0];
  return first && isScalar(first.key) ? first.key.range?.[0] : undefined;
}

/** Offsets of each block sequence item's `-`, read from the concrete syntax tree. */
function dashOffsets(seq: YAMLSeq): number[] | null {
  const token = seq.srcToken;
  if (!token || token.type !== 'block-seq') return null;
  const offsets: number[] = [];
  for (const item of token.items) {
    const dash = item.start.find((part) => part.type === 'seq-item-ind');
    if (!dash) return null;
    offsets.push(dash.offset);
  }
  return offsets.length === seq.items.length ? offsets : null;
}

/** JavaScript's name for a scalar key, as the yaml library's toJS() produces it. */
function keyName(pair: Pair): string | null {
  if (!isScalar(pair.key)) return null;
  const value: unknown = pair.key.value;
  return value === null || value === undefined ? '' : String(value);
}

/** Change op for one sequence position, from aligning old and new items. */
type SeqOp =
  | { kind: 'patch'; old: number; next: number }
  | { kind: 'delete'; old: number }
  | { kind: 'insert'; next: number; before: number };

/** Aligns two arrays by their longest common run of equal items; unmatched items pair up in place. */
function alignItems(before: readonly JsonValue[], after: readonly JsonValue[]): SeqOp[] {
  const rows = before.length;
  const cols = after.length;
  const table: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = cols - 1; j >= 0; j -= 1) {
      const row = table[i] as number[];
      row[j] = jsonEqual(before[i], after[j])
        ? (table[i + 1]?.[j + 1] ?? 0) + 1
        : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: SeqOp[] = [];
  let i = 0;
  let j = 0;
  const flushGap = (oldEnd: number, newEnd: number): void => {
    while (i < oldEnd && j < newEnd) ops.push({ kind: 'patch', old: i++, next: j++ });
    while (i < oldEnd) ops.push({ kind: 'delete', old: i++ });
    while (j < newEnd) ops.push({ kind: 'insert', next: j++, before: oldEnd });
  };
  let gapOld = 0;
  let gapNew = 0;
  while (gapOld < rows && gapNew < cols) {
    if (
      jsonEqual(before[gapOld], after[gapNew]) &&
      (table[gapOld]?.[gapNew] ?? 0) === (table[gapOld + 1]?.[gapNew + 1] ?? 0) + 1
    ) {
      flushGap(gapOld, gapNew);
      i = gapOld + 1;
      j = gapNew + 1;
      gapOld += 1;
      gapNew += 1;
    } else if ((table[gapOld + 1]?.[gapNew] ?? 0) >= (table[gapOld]?.[gapNew + 1] ?? 0)) gapOld += 1;
    else gapNew += 1;
  }
  flushGap(rows, cols);
  return ops;
}

class YamlPatcher {
  readonly edits: TextEdit[] = [];

  constructor(
    private readonly source: string,
    private readonly layout: YamlLayout,
    /** Anchor names some alias refers to. */
    private readonly aliased: ReadonlySet<string>,
  ) {}

  /** Inserts `key: value` lines at `offset` (a line start), for keys at `column`. */
  appendPairs(offset: number, keys: readonly string[], data: JsonObject, column: number): void {
    if (keys.length === 0) return;
    const lines = keys.map(
      (key) => ' '.repeat(column) + emitYamlPair(renderYamlKey(key), data[key] ?? null, column, this.layout),
    );
    this.insertLines(offset, lines);
  }

  private insertLines(offset: number, lines: readonly string[]): void {
    const needsBreak = offset === this.source.length && offset > 0 && !this.source.endsWith('\n');
    const text = needsBreak ? `\n${lines.join('\n')}` : lines.map((line) => `${line}\n`).join('');
    this.edits.push({ start: offset, end: offset, text });
  }

  /** Patches a block mapping in place; false (with no edits left behind) when the caller must rewrite it. */
  patchMap(map: YAMLMap, before: JsonObject, after: JsonObject, isRoot: boolean): boolean {
    const entries: Array<{ pair: Pair; key: string }> = [];
    for (const item of map.items) {
      const key = keyName(item);
      // Only scalar keys have a name the data can use. (`<<` is an ordinary key under the core schema.)
      if (key === null || !item.key) return false;
      entries.push({ pair: item, key });
    }
    const first = entries[0];
    if (!first || (!isRoot && Object.keys(after).length === 0)) return false;
    const firstStart = this.keyStart(first.pair);
    const survivors = entries.filter((entry) => ownValue(after, entry.key) !== undefined);
    const inlineFirst = !startsLine(this.source, firstStart);
    if (inlineFirst && survivors.length === 0) return false;
    const mark = this.edits.length;
    let index = 0;
    if (inlineFirst && survivors[0] !== first) {
      // `- key: value` whose first key goes: pull the first surviving key up behind the dash.
      const survivor = survivors[0] as { pair: Pair };
      this.edits.push({ start: firstStart, end: this.keyStart(survivor.pair), text: '' });
      index = entries.indexOf(survivors[0] as (typeof entries)[number]);
    }
    for (; index < entries.length; index += 1) {
      const { pair, key } = entries[index] as (typeof entries)[number];
      const next = ownValue(after, key);
      if (next === undefined) {
        const start = this.keyStart(pair);
        this.edits.push({
          start: lineStartOf(this.source, start),
          end: nextLineStart(this.source, this.contentEnd(pair)),
          text: '',
        });
      } else if (!jsonEqual(ownValue(before, key), next)) {
        this.patchPairValue(pair, ownValue(before, key), next);
      }
    }
    const column = columnOf(this.source, firstStart);
    for (const { anchor, keys } of placeAddedKeys(
      entries.map((entry) => entry.key),
      new Set(survivors.map((entry) => entry.key)),
      after,
    )) {
      const pair = entries.find((entry) => entry.key === anchor)?.pair;
      // A key the data puts first goes before the first surviving key, unless that one sits behind a list dash.
      const offset = pair
        ? nextLineStart(this.source, this.contentEnd(pair))
        : inlineFirst
          ? nextLineStart(this.source, this.contentEnd((entries[entries.length - 1] as (typeof entries)[number]).pair))
          : lineStartOf(this.source, this.keyStart((survivors[0] ?? first).pair));
      this.appendPairs(offset, keys, after, column);
    }
    if (this.edits.length < mark) return false;
    return true;
  }

  private patchPairValue(pair: Pair, before: JsonValue | undefined, after: JsonValue): void {
    const node = pair.value as Node | null;
    const mark = this.edits.length;
    const keyColumn = columnOf(this.source, this.keyStart(pair));
    if (node && this.patchNode(node, before, after, keyColumn)) return;
    this.edits.length = mark;
    const keyRange = (pair.key as Node).range as [number, number, number];
    const keyText = this.source.slice(keyRange[0], keyRange[1]);
    this.edits.push({
      start: keyRange[0],
      end: this.contentEnd(pair),
      text: emitYamlPair(keyText, after, keyColumn, this.layout),
    });
  }

  /** Patches one value node in place; false when its owner must rewrite it. */
  private patchNode(node: Node, before: JsonValue | undefined, after: JsonValue, parentColumn: number): boolean {
    // Aliases, anchors that aliases use, and tags tie a value to other places or types: the owner
    // rewrites it whole instead. An anchor nothing refers to stays in front of the new value.
    if (
      isAlias(node) ||
      (node.anchor && this.aliased.has(node.anchor)) ||
      node.tag ||
      !node.range ||
      before === undefined
    )
      return false;
    if (isScalar(node)) {
      if (!isJsonScalar(after)) return false;
      this.patchScalar(node, after, parentColumn);
      return true;
    }
    if ((isMap(node) || isSeq(node)) && node.flow) {
      if (!Array.isArray(after) && !isJsonObject(after)) return false;
      const spaced = /^[[{] /.test(this.source.slice(node.range[0], node.range[1]));
      this.edits.push({ start: node.range[0], end: node.range[1], text: emitYamlFlow(after, spaced) });
      return true;
    }
    if (isMap(node)) return isJsonObject(before) && isJsonObject(after) && this.patchMap(node, before, after, false);
    if (isSeq(node)) return Array.isArray(before) && Array.isArray(after) && this.patchSeq(node, before, after);
    return false;
  }

  private patchScalar(
    node: Node & { type?: string },
    value: string | number | boolean | null,
    parentColumn: number,
  ): void {
    const [start] = node.range as [number, number, number];
    const end = this.contentEnd(node);
    const original = this.source.slice(start, end);
    const style = (node.type ?? 'PLAIN') as YamlScalarStyle;
    const block = style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED';
    const laterLine = original
      .split('\n')
      .slice(1)
      .find((line) => line.trim() !== '');
    const contentIndent = laterLine
      ? laterLine.length - laterLine.trimStart().length
      : parentColumn + this.layout.indent;
    const multiLine = !block && original.includes('\n');
    // An empty value's quotes were only there to make it empty: the new text is written plain when it can be.
    const empty = start === end || original === '""' || original === "''";
    const text = renderYamlScalar(value, empty ? 'PLAIN' : style, {
      parentColumn,
      startColumn: columnOf(this.source, start) + (start === end ? 1 : 0),
      contentIndent: Math.max(contentIndent, parentColumn + 1),
      foldWidth: multiLine ? FOLD_WIDTH : 0,
      flow: false,
    });
    // An empty value (`key:`) has no text of its own; keep a space after the colon.
    const spacer = start === end && !/[ \t]$/.test(this.source.slice(0, start)) ? ' ' : '';
    // An empty value followed by a comment (`key:  # why`) starts at the `#`: keep a space before
    // it, or the comment would be read as part of the new value.
    const trailer = start === end && this.source[start] === '#' ? ' ' : '';
    this.edits.push({ start, end, text: spacer + text + trailer });
  }

  /** Patches a block sequence item by item; inserts and deletes whole item lines. */
  private patchSeq(seq: YAMLSeq, before: readonly JsonValue[], after: readonly JsonValue[]): boolean {
    const dashes = dashOffsets(seq);
    if (!dashes || after.length === 0 || seq.items.length !== before.length) return false;
    const ops = alignItems(before, after);
    const reshapes = ops.some((op) => op.kind !== 'patch');
    if (reshapes && !dashes.every((dash) => startsLine(this.source, dash))) return false;
    const dashColumn = columnOf(this.source, dashes[0] as number);
    const mark = this.edits.length;
    for (const op of ops) {
      if (op.kind === 'patch') {
        const node = seq.items[op.old] as Node | null;
        const dash = dashes[op.old] as number;
        const itemMark = this.edits.length;
        if (node && this.patchNode(node, before[op.old], after[op.next] as JsonValue, columnOf(this.source, dash)))
          continue;
        this.edits.length = itemMark;
        const end = node ? this.contentEnd(node) : dash + 1;
        this.edits.push({
          start: dash,
          end,
          text: emitYamlItem(after[op.next] as JsonValue, columnOf(this.source, dash), this.layout),
        });
      } else if (op.kind === 'delete') {
        const node = seq.items[op.old] as Node | null;
        const dash = dashes[op.old] as number;
        this.edits.push({
          start: lineStartOf(this.source, dash),
          end: nextLineStart(this.source, node ? this.contentEnd(node) : dash),
          text: '',
        });
      } else {
        const at =
          op.before < dashes.length ? lineStartOf(this.source, dashes[op.before] as number) : this.seqEnd(seq, dashes);
        this.insertLines(at, [
          ' '.repeat(dashColumn) + emitYamlItem(after[op.next] as JsonValue, dashColumn, this.layout),
        ]);
      }
    }
    return this.edits.length >= mark;
  }

  private seqEnd(seq: YAMLSeq, dashes: readonly number[]): number {
    const last = seq.items[seq.items.length - 1] as Node | null;
    return nextLineStart(this.source, last ? this.contentEnd(last) : (dashes[dashes.length - 1] as number));
  }

  private keyStart(pair: Pair): number {
    return ((pair.key as Node).range as [number, number, number])[0];
  }

  /** Offset just past the last character of a node's own text (no trailing comment or line break). */
  private contentEnd(node: Node | Pair): number {
    if (isPair(node)) {
      const value = node.value as Node | null;
      const keyEnd = ((node.key as Node).range as [number, number, number])[1];
      return value?.range ? Math.max(keyEnd, this.contentEnd(value)) : keyEnd;
    }
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
      return this.contentEnd(node.items[node.items.length - 1] as Node | Pair);
    }
    const end = (node.range as [number, number, number])[1];
    // Block scalars own the line break that ends their last line; leave it in place.
    const blockStyle = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
    return blockStyle && this.source[end - 1] === '\n' ? end - 1 : end;
  }
}
