/**
 * Loads a Decap CMS `config.yml` the way Decap CMS itself does. Decap (decap-cms-core 3.x) reads its
 * config with the `yaml` package's 1.x `parse` (merge keys on, aliases unlimited), which is more
 * lenient than YAML 1.2 as the 2.x parser reads it: a flow collection (`fields: [ … ]`) may close at
 * the indentation of the key or list item that opened it, as in many real Gatsby configs. So every
 * config Decap loads loads here, with Decap's values; positions for problems come from the parsed
 * nodes either way, and a real syntax error is one problem with its line, never one per token.
 */
import {
  type Document as DocumentV2,
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument as parseDocumentV2,
  visit,
} from 'yaml';
import YAML_V1 from 'yaml-v1';
import {
  Alias as AliasV1,
  Merge as MergeV1,
  type Pair as PairV1,
  YAMLMap as MapV1,
  YAMLSeq as SeqV1,
} from 'yaml-v1/types';
import type { ConfigPath } from './config-values';
import type { ConfigProblem } from './types';

/** A 1-based position in the config text. */
export interface YamlPosition {
  line: number;
  column: number;
}

/** A config's YAML as loaded, with a way back from a path of keys to where it is written. */
export interface LoadedYaml {
  /** The value Decap CMS would read; `undefined` when the text is not YAML that can be read at all. */
  value: unknown;
  /** Where the key (or list item) at `path` is written, or the nearest node above it that is. */
  locate(path: ConfigPath): YamlPosition | undefined;
  /** At most one problem with the YAML itself (a syntax error, or something Decap CMS refuses). */
  problem: Omit<ConfigProblem, 'file'> | null;
}

/** Decap's own options for `yaml.parse` (decap-cms-core `parseConfig`). */
const DECAP_OPTIONS = { maxAliasCount: -1, prettyErrors: true, merge: true } as const;

/** Reads `text` as Decap CMS would, falling back to the 2.x parser (which allows repeated keys) where Decap refuses. */
export function loadDecapYaml(text: string): LoadedYaml {
  const v1 = YAML_V1.parseDocument(text, DECAP_OPTIONS);
  const v1Error = v1.errors[0];
  if (v1Error === undefined) {
    try {
      const value: unknown = v1.toJSON();
      return { value, locate: locatorV1(v1, text), problem: null };
    } catch {
      // Falls through to the 2.x reader, whose errors are reported instead.
    }
  }

  const lineCounter = new LineCounter();
  const v2 = parseDocumentV2(text, { lineCounter, merge: true, prettyErrors: true, uniqueKeys: false });
  let value: unknown;
  let readable = v2.errors.length === 0;
  if (readable) {
    try {
      value = v2.toJS({ maxAliasCount: -1 });
    } catch {
      readable = false; // an alias to an anchor that is not defined
    }
  }
  const locate = (path: ConfigPath): YamlPosition | undefined => {
    const offset = offsetOfV2(v2, path);
    if (offset === undefined) return undefined;
    const at = lineCounter.linePos(offset);
    return { line: at.line, column: at.col };
  };

  const v1At = v1Error?.linePos?.start;
  const fallbackAt = v2.errors[0]?.linePos?.[0];
  const at: YamlPosition | undefined = v1At
    ? { line: v1At.line, column: v1At.col }
    : fallbackAt
      ? { line: fallbackAt.line, column: fallbackAt.col }
      : undefined;
  const raw = firstLine(v1Error?.message ?? v2.errors[0]?.message ?? 'the YAML could not be read');

  if (!readable) {
    return {
      value: undefined,
      locate,
      problem: syntaxProblem(`The config is not valid YAML: ${explain(raw, text, at)}`, text, at),
    };
  }
  // Decap refuses the file, but it is readable YAML: load it, and say why Decap will not.
  const repeated = /^Map keys must be unique; "(.*)" is repeated/.exec(raw)?.[1];
  const where = (repeated !== undefined ? repeatedKeyAt(v2, lineCounter, repeated) : undefined) ?? at;
  const outcome = repeated !== undefined ? 'Masthead uses the last value' : 'Masthead reads it anyway';
  return {
    value,
    locate,
    problem: syntaxProblem(
      `Decap CMS will not load this config: ${explain(raw, text, where)}; ${outcome}`,
      text,
      where,
    ),
  };
}

/** One problem, with a short excerpt of the offending line so the writer can find it without counting. */
function syntaxProblem(message: string, text: string, at: YamlPosition | undefined): Omit<ConfigProblem, 'file'> {
  const excerpt = at === undefined ? null : lineExcerpt(text, at.line);
  return {
    ...(at === undefined ? {} : { line: at.line, column: at.column }),
    severity: 'error',
    message: excerpt === null ? `${message}.` : `${message}. Line ${at?.line}: "${excerpt}"`,
  };
}

/** The parser's message in plain words (the parsers' own wording names YAML internals). */
function explain(raw: string, text: string, at: YamlPosition | undefined): string {
  const opener = at === undefined ? undefined : lineExcerpt(text, at.line, Number.MAX_SAFE_INTEGER)?.[at.column - 1];
  if (/^Insufficient indentation in flow collection|^Expected flow (map|sequence) to end/.test(raw)) {
    const [kind, open, close] = opener === '[' || /sequence/.test(raw) ? ['list', '[', ']'] : ['mapping', '{', '}'];
    return `the flow ${kind} "${open}" that opens here is not closed with "${close}", or a line inside it is indented less than its key`;
  }
  const patterns: [RegExp, (match: RegExpExecArray) => string][] = [
    [/^Map keys must be unique; "(.*)" is repeated/, (m) => `the key "${m[1]}" is repeated in one mapping`],
    [
      /^Merge nodes can only have Alias nodes as values/,
      () => 'a merge key "<<" must be followed by an alias such as *defaults (or a list of aliases), not by a mapping',
    ],
    [/^Aliased anchor not found: (.*)/, (m) => `the alias "*${m[1]}" names no anchor "&${m[1]}" above it`],
    [/tab/i, () => 'a line is indented with a tab; YAML indents with spaces'],
    [/multiple documents/, () => 'the file holds more than one YAML document (a "---" line in the middle)'],
  ];
  for (const [pattern, say] of patterns) {
    const match = pattern.exec(raw);
    if (match) return say(match);
  }
  return raw.charAt(0).toLowerCase() + raw.slice(1).replace(/\.$/, '');
}

/** The line's text, right-trimmed and cut short, or null past the end. */
function lineExcerpt(text: string, line: number, max = 72): string | null {
  const content = text.split(/\r\n?|\n/)[line - 1];
  if (content === undefined) return null;
  const trimmed = content.replace(/\s+$/, '');
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** The first line of a parser message, without the position the problem carries as fields. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Where the second `key` of a mapping that repeats it is written (the 1.x parser points at the mapping). */
function repeatedKeyAt(doc: DocumentV2, lineCounter: LineCounter, key: string): YamlPosition | undefined {
  let offset: number | undefined;
  visit(doc, {
    Map(_, map) {
      const keys = map.items.filter((pair) => isScalar(pair.key) && String(pair.key.value) === key);
      const second = keys[1]?.key;
      if (isScalar(second) && second.range) {
        offset = second.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (offset === undefined) return undefined;
  const at = lineCounter.linePos(offset);
  return { line: at.line, column: at.col };
}

/** Positions in a 1.x document; its offsets count a CRLF as one character, so lines are counted the same way. */
function locatorV1(doc: YAML_V1.Document, text: string): (path: ConfigPath) => YamlPosition | undefined {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let index = normalized.indexOf('\n'); index !== -1; index = normalized.indexOf('\n', index + 1))
    lineStarts.push(index + 1);
  return (path) => {
    const offset = offsetOfV1(doc, path);
    if (offset === undefined) return undefined;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

/**
 * The offset of the key at `path` in a 1.x document. A key that comes from a merge (`<<: *base`) is
 * looked up in the anchored mapping, where it is written.
 */
function offsetOfV1(doc: YAML_V1.Document, path: ConfigPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (node instanceof AliasV1) node = node.source;
    if (node instanceof MapV1) {
      const pair = findPairV1(node, String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (node instanceof SeqV1 && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function findPairV1(map: MapV1, key: string): PairV1 | undefined {
  const items = map.items as PairV1[];
  // Later keys win over merged ones, as in the value.
  const own = items.find((pair) => !(pair instanceof MergeV1) && keyText(pair.key) === key);
  if (own) return own;
  for (const merge of items.filter((pair): pair is MergeV1 => pair instanceof MergeV1)) {
    const sources = merge.value instanceof SeqV1 ? merge.value.items : [];
    for (const source of sources) {
      const target: unknown = source instanceof AliasV1 ? source.source : source;
      const found = target instanceof MapV1 ? findPairV1(target, key) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function keyText(key: unknown): string {
  return typeof key === 'object' && key !== null && 'value' in key
    ? String((key as { value: unknown }).value)
    : String(key);
}

function rangeStart(node: unknown): number | undefined {
  const range =
    typeof node === 'object' && node !== null && 'range' in node
      ? (node as { range?: [number, number] | null }).range
      : undefined;
  return range?.[0];
}

/**
 * The offset of the key at `path` (or of the list item) in a 2.x document. Stops at the deepest node
 * it can find, so a path into a merged (`<<`) mapping still points somewhere near.
 */
function offsetOfV2(doc: DocumentV2, path: ConfigPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = isScalar(node) || isMap(node) || isSeq(node) ? node.range?.[0] : undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) =>
        isScalar(item.key) ? String(item.key.value) === String(segment) : item.key === segment,
      );
      if (!pair) break;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!isScalar(item) && !isMap(item) && !isSeq(item) && !isAlias(item)) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
