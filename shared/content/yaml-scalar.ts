/**
 * Writes one YAML scalar in a chosen style. Used when a changed value is patched into the file:
 * a plain value stays plain when that reads back as the same string, a quoted value keeps its
 * quote, block scalars stay block scalars; otherwise it falls back to double quotes, which can hold
 * any string. Every candidate is checked by parsing it back, so a style can never change a value.
 */
import { parse, parseDocument } from 'yaml';
import { hasControlChars } from './characters';

/** The yaml library's scalar styles. */
export type YamlScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** A scalar value as it can appear in front matter. */
export type ScalarValue = string | number | boolean | null;

/** Where the scalar goes, which decides the legal styles and the indentation of its later lines. */
export interface ScalarPlacement {
  /** Column of the owning key or `-`: every later line of the scalar must be indented further. */
  parentColumn: number;
  /** Column of the scalar's first character. */
  startColumn: number;
  /** Indentation of continuation lines and block scalar content. */
  contentIndent: number;
  /** Fold long text across lines at this width (0 keeps it on one line). */
  foldWidth: number;
  /** Inside `[...]` or `{...}`, where `,[]{}` end a plain scalar. */
  flow: boolean;
}

/** Renders a scalar in `style` (or the nearest style that holds it). Later lines carry absolute indentation. */
export function renderYamlScalar(value: ScalarValue, style: YamlScalarStyle, placement: ScalarPlacement): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  for (const candidate of candidates(value, style, placement)) {
    if (candidate !== null && readsBackAs(candidate, value, placement)) return candidate;
  }
  return doubleQuoted(value);
}

/** The text in double quotes; YAML's double-quoted escapes are a superset of JSON's. */
export function doubleQuoted(value: string): string {
  // JSON leaves these raw, but YAML only allows them escaped.
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** True when `value` can be written as a plain (unquoted) scalar and read back unchanged by YAML 1.2 and 1.1 readers. */
export function isPlainSafe(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim()) return false;
  if (hasControlChars(value)) return false;
  if (/^[[\]{},#&*!|>'"%@`]/.test(value) || /^[-?:](\s|$)/.test(value)) return false;
  if (/^(---|\.\.\.)/.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  try {
    if (parse(value, { schema: 'core' }) !== value) return false;
    // Jekyll and other YAML 1.1 readers would turn `yes`, `on`, `0777`… into booleans or numbers.
    // Dates stay plain on purpose: a date written plain is meant to be read as a date there.
    const legacy: unknown = parse(value, { version: '1.1' });
    return typeof legacy === 'string' || legacy instanceof Date;
  } catch {
    return false;
  }
}

function candidates(value: string, style: YamlScalarStyle, placement: ScalarPlacement): Array<string | null> {
  if (value === '') return [style === 'QUOTE_SINGLE' ? "''" : '""'];
  const multiLine = value.includes('\n');
  switch (style) {
    case 'PLAIN':
      if (multiLine || !isPlainSafe(value, placement.flow)) return [foldQuoted(value, placement), doubleQuoted(value)];
      return [fold(value, placement, true), value];
    case 'QUOTE_SINGLE':
      return [singleQuoted(value), doubleQuoted(value)];
    case 'QUOTE_DOUBLE':
      return [foldQuoted(value, placement), doubleQuoted(value)];
    case 'BLOCK_FOLDED':
      return [blockFolded(value, placement), blockLiteral(value, placement), doubleQuoted(value)];
    case 'BLOCK_LITERAL':
      return [blockLiteral(value, placement), doubleQuoted(value)];
  }
}

function singleQuoted(value: string): string | null {
  // Single quotes have no escapes: control characters and line breaks need double quotes.
  if (hasControlChars(value, '\t')) return null;
  return `'${value.replace(/'/g, "''")}'`;
}

function foldQuoted(value: string, placement: ScalarPlacement): string | null {
  return placement.foldWidth > 0 && !placement.flow ? fold(doubleQuoted(value), placement, false) : null;
}

// A plain continuation line must not begin like a comment, an indicator or a quote.
const UNSAFE_LINE_START = /[-?:#,[\]{}&*!|>'"%@`]/;

/**
 * Folds single-line text across lines at `foldWidth`, breaking only at a lone space between two
 * non-space characters: a line break there reads back as exactly that one space.
 */
function fold(text: string, placement: ScalarPlacement, plain: boolean): string | null {
  if (placement.foldWidth <= 0 || placement.flow) return null;
  const breaks: number[] = [];
  for (let index = 1; index < text.length - 1; index += 1) {
    if (text[index] !== ' ') continue;
    const before = text[index - 1] ?? ' ';
    const after = text[index + 1] ?? ' ';
    if (before === ' ' || before === '\\' || after === ' ') continue;
    if (plain && UNSAFE_LINE_START.test(after)) continue;
    breaks.push(index);
  }
  const lines: string[] = [];
  let start = 0;
  let budget = placement.foldWidth - placement.startColumn;
  let previous = -1;
  for (const at of [...breaks, text.length]) {
    if (at - start > budget && previous > start) {
      lines.push(text.slice(start, previous));
      start = previous + 1;
      budget = placement.foldWidth - placement.contentIndent;
    }
    previous = at;
  }
  lines.push(text.slice(start));
  return lines.join(`\n${' '.repeat(placement.contentIndent)}`);
}

function blockHeader(indicator: '|' | '>', value: string, placement: ScalarPlacement): string {
  const chomp = !value.endsWith('\n') ? '-' : value.endsWith('\n\n') || value === '\n' ? '+' : '';
  // An explicit indentation indicator is needed when the first line itself starts with a space.
  const firstLine = value.split('\n').find((line) => line !== '') ?? '';
  const indentIndicator = /^\s/.test(firstLine) ? String(placement.contentIndent - placement.parentColumn) : '';
  return indicator + indentIndicator + chomp;
}

function blockLines(lines: string[], placement: ScalarPlacement): string {
  const indent = ' '.repeat(placement.contentIndent);
  return lines.map((line) => (line === '' ? '\n' : `\n${indent}${line}`)).join('');
}

function blockLiteral(value: string, placement: ScalarPlacement): string | null {
  if (hasControlChars(value, '\t\n')) return null;
  const header = blockHeader('|', value, placement);
  const content = value.endsWith('\n') ? value.slice(0, -1) : value;
  return header + blockLines(content.split('\n'), placement);
}

function blockFolded(value: string, placement: ScalarPlacement): string | null {
  // More-indented lines keep their line breaks in folded style; leave those to a literal block.
  if (hasControlChars(value, '\n') || /(^|\n)[ \t]/.test(value)) return null;
  const header = blockHeader('>', value, placement);
  const trimmed = value.replace(/\n+$/, '');
  const trailing = value.slice(trimmed.length);
  // In folded style one line break reads as a space, so each real line break is written as a
  // break plus an empty line.
  const source = trimmed.replace(/\n+/g, (breaks) => `${breaks}\n`) + trailing.slice(1);
  const lines = source.split('\n').flatMap((line) => {
    if (line === '') return [''];
    const folded = fold(
      line,
      { ...placement, startColumn: placement.contentIndent, foldWidth: placement.foldWidth || 80 },
      false,
    );
    return (folded ?? line).split('\n').map((part) => part.trimStart());
  });
  return header + blockLines(lines, placement);
}

/** Parses the candidate where it will live (same indentation) and checks it yields `expected`. */
function readsBackAs(candidate: string, expected: string, placement: ScalarPlacement): boolean {
  const pad = ' '.repeat(placement.parentColumn);
  const source = placement.flow ? `${pad}k: [${candidate}]\n` : `${pad}k: ${candidate}\n`;
  try {
    const doc = parseDocument(source, { schema: 'core' });
    if (doc.errors.length > 0) return false;
    const data = doc.toJS() as { k?: unknown };
    const value = placement.flow && Array.isArray(data.k) && data.k.length === 1 ? (data.k[0] as unknown) : data.k;
    return value === expected;
  } catch {
    return false;
  }
}
