/**
 * Writes new YAML (keys added by the form, values whose shape changed) in block style, using the
 * file's own indentation so an added key looks like it was always there.
 */
import type { JsonValue } from '../api';
import { isJsonObject } from './json-values';
import { doubleQuoted, isPlainSafe, renderYamlScalar } from './yaml-scalar';
import type { ScalarValue } from './yaml-scalar';

/** The file's block layout: indentation step, and whether `- ` items are indented under their key. */
export interface YamlLayout {
  indent: number;
  indentSeq: boolean;
}

/** The layout used when a file gives no hint: two spaces, indented sequences (Decap CMS's output). */
export const DEFAULT_YAML_LAYOUT: YamlLayout = { indent: 2, indentSeq: true };

const pad = (column: number): string => ' '.repeat(column);

/** A mapping key: plain when that reads back as the same string, else double-quoted. */
export function renderYamlKey(key: string, flow = false): string {
  return isPlainSafe(key, flow) ? key : doubleQuoted(key);
}

function scalarText(value: ScalarValue, parentColumn: number, startColumn: number, layout: YamlLayout): string {
  // Text with line breaks reads best as a literal block; single-line text stays plain when safe.
  const style = typeof value === 'string' && value.includes('\n') ? 'BLOCK_LITERAL' : 'PLAIN';
  return renderYamlScalar(value, style, {
    parentColumn,
    startColumn,
    contentIndent: parentColumn + layout.indent,
    foldWidth: 0,
    flow: false,
  });
}

function emptyCollection(value: JsonValue): string | null {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isJsonObject(value) && Object.keys(value).length === 0) return '{}';
  return null;
}

/**
 * `key: value` for a key at `column`. The first line carries no indentation (the caller places
 * it); later lines carry their absolute indentation.
 */
export function emitYamlPair(keyText: string, value: JsonValue, column: number, layout: YamlLayout): string {
  const empty = emptyCollection(value);
  if (empty !== null) return `${keyText}: ${empty}`;
  if (Array.isArray(value)) {
    const dashColumn = layout.indentSeq ? column + layout.indent : column;
    return `${keyText}:${value.map((item) => `\n${pad(dashColumn)}${emitYamlItem(item, dashColumn, layout)}`).join('')}`;
  }
  if (isJsonObject(value)) {
    const inner = column + layout.indent;
    const lines = Object.entries(value).map(
      ([key, item]) => `\n${pad(inner)}${emitYamlPair(renderYamlKey(key), item, inner, layout)}`,
    );
    return `${keyText}:${lines.join('')}`;
  }
  return `${keyText}: ${scalarText(value, column, column + keyText.length + 2, layout)}`;
}

/** `- value` for a sequence item whose dash sits at `dashColumn`; same line rules as emitYamlPair. */
export function emitYamlItem(value: JsonValue, dashColumn: number, layout: YamlLayout): string {
  const inner = dashColumn + 2;
  const empty = emptyCollection(value);
  if (empty !== null) return `- ${empty}`;
  if (Array.isArray(value)) {
    return `- ${value.map((item) => emitYamlItem(item, inner, layout)).join(`\n${pad(inner)}`)}`;
  }
  if (isJsonObject(value)) {
    const pairs = Object.entries(value).map(([key, item]) => emitYamlPair(renderYamlKey(key), item, inner, layout));
    return `- ${pairs.join(`\n${pad(inner)}`)}`;
  }
  return `- ${scalarText(value, dashColumn, inner, layout)}`;
}

/** A one-line flow collection (`[a, b]`, `{k: v}`), for values that were written in flow style. */
export function emitYamlFlow(value: JsonValue, spaced: boolean): string {
  const open = (bracket: string): string => (spaced ? `${bracket} ` : bracket);
  const close = (bracket: string): string => (spaced ? ` ${bracket}` : bracket);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `${open('[')}${value.map((item) => emitYamlFlow(item, spaced)).join(', ')}${close(']')}`;
  }
  if (isJsonObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `${open('{')}${entries.map(([key, item]) => `${renderYamlKey(key, true)}: ${emitYamlFlow(item, spaced)}`).join(', ')}${close('}')}`;
  }
  return renderYamlScalar(value, 'PLAIN', {
    parentColumn: 0,
    startColumn: 0,
    contentIndent: 0,
    foldWidth: 0,
    flow: true,
  });
}
