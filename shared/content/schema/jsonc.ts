/**
 * A small JSON-with-comments parser, the dialect of VS Code settings that Front Matter CMS reads
 * `frontmatter.json` in: `//` and `/* *\/` comments and trailing commas are allowed. Written by
 * hand (not JSON.parse after stripping) because it must report where a syntax error is — V8's
 * JSON.parse messages do not always carry a position — and where each key is, for problems.
 */
import type { JsonValue } from '../../api';
import { setOwn } from '../json-values';
import type { ConfigPath } from './config-values';

/** A successful parse: the value and the offset of every key (and list item) by path. */
export interface JsoncResult {
  ok: true;
  value: JsonValue;
  /** Offsets keyed by `pathKey(path)`. */
  offsets: Map<string, number>;
}

/** A syntax error at `offset` (0-based). */
export interface JsoncError {
  ok: false;
  message: string;
  offset: number;
}

/** The map key of a path in `JsoncResult.offsets`. */
export function pathKey(path: ConfigPath): string {
  return JSON.stringify(path);
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses JSON with comments and trailing commas; never throws. */
export function parseJsonc(text: string): JsoncResult | JsoncError {
  const offsets = new Map<string, number>();
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, at = pos): never => {
    throw new SyntaxProblem(message, at);
  };
  const describeHere = (): string => (pos >= text.length ? 'the end of the file' : `'${text[pos]}'`);

  const skip = (): void => {
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') pos++;
      else if (ch === '/' && text[pos + 1] === '/') {
        while (pos < text.length && text[pos] !== '\n') pos++;
      } else if (ch === '/' && text[pos + 1] === '*') {
        const end = text.indexOf('*/', pos + 2);
        if (end < 0) fail('a /* comment is never closed');
        pos = end + 2;
      } else break;
    }
  };

  const readStringToken = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    while (pos < text.length) {
      const ch = text[pos] as string;
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '\n') fail('a string is not closed before the end of the line', start);
      if (ch === '\\') {
        const next = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (next !== undefined && simple[next] !== undefined) {
          out += simple[next];
          pos += 2;
        } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('invalid escape in a string');
        }
        continue;
      }
      out += ch;
      pos++;
    }
    return fail('a string is never closed', start);
  };

  const readValue = (path: ConfigPath): JsonValue => {
    skip();
    const ch = text[pos];
    if (ch === '{') return readObject(path);
    if (ch === '[') return readArray(path);
    if (ch === '"') return readStringToken();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 64));
    if (literal) {
      pos += literal[0].length;
      if (literal[0] === 'true') return true;
      if (literal[0] === 'false') return false;
      if (literal[0] === 'null') return null;
      return Number(literal[0]);
    }
    return fail(`expected a value but found ${describeHere()}`);
  };

  const readObject = (path: ConfigPath): JsonValue => {
    const result: { [key: string]: JsonValue } = {};
    pos++;
    for (;;) {
      skip();
      if (text[pos] === '}') {
        pos++;
        return result;
      }
      if (text[pos] !== '"') fail(`expected a "quoted" property name or "}" but found ${describeHere()}`);
      const keyAt = pos;
      const key = readStringToken();
      offsets.set(pathKey([...path, key]), keyAt);
      skip();
      if (text[pos] !== ':') fail(`expected ":" after "${key}" but found ${describeHere()}`);
      pos++;
      setOwn(result, key, readValue([...path, key]));
      skip();
      if (text[pos] === ',') pos++;
      else if (text[pos] !== '}') fail(`expected "," or "}" but found ${describeHere()}`);
    }
  };

  const readArray = (path: ConfigPath): JsonValue => {
    const result: JsonValue[] = [];
    pos++;
    for (;;) {
      skip();
      if (text[pos] === ']') {
        pos++;
        return result;
      }
      offsets.set(pathKey([...path, result.length]), pos);
      result.push(readValue([...path, result.length]));
      skip();
      if (text[pos] === ',') pos++;
      else if (text[pos] !== ']') fail(`expected "," or "]" but found ${describeHere()}`);
    }
  };

  try {
    offsets.set(pathKey([]), pos);
    const value = readValue([]);
    skip();
    if (pos < text.length) fail(`unexpected ${describeHere()} after the end of the settings`);
    return { ok: true, value, offsets };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/** 1-based line and column of an offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
