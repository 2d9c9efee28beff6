/**
 * JSON with comments, the dialect of VS Code settings that Front Matter CMS reads `frontmatter.json`
 * in: `//` and `/* *\/` comments and trailing commas are allowed. Read with Microsoft's jsonc-parser
 * (the parser VS Code itself uses), which reports where a syntax error is and where each key and list
 * item starts, so problems can point at a line.
 */
import { type Node, parseTree, printParseErrorCode, visit } from 'jsonc-parser';
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

const OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/** Parses JSON with comments and trailing commas; never throws. */
export function parseJsonc(text: string): JsoncResult | JsoncError {
  const bom = text.charCodeAt(0) === 0xfeff;
  // A blank in the BOM's place keeps every offset pointing into the original text.
  const source = bom ? ` ${text.slice(1)}` : text;
  const problem = firstError(source);
  if (problem) return { ok: false, ...problem };
  const tree = parseTree(source, [], OPTIONS);
  if (!tree) return { ok: false, message: 'expected a value but found the end of the file', offset: source.length };
  const offsets = new Map<string, number>();
  // The whole document's problems point at its first line, comments before the value included.
  offsets.set(pathKey([]), bom ? 1 : 0);
  return { ok: true, value: valueOf(tree, [], offsets), offsets };
}

/** The value of a parsed node, recording where each member's key and each list item starts. */
function valueOf(node: Node, path: ConfigPath, offsets: Map<string, number>): JsonValue {
  if (node.type === 'object') {
    const result: { [key: string]: JsonValue } = {};
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = String(keyNode.value);
      offsets.set(pathKey([...path, key]), property.offset);
      // setOwn keeps a "__proto__" key as data instead of changing the object's prototype.
      setOwn(result, key, valueOf(valueNode, [...path, key], offsets));
    }
    return result;
  }
  if (node.type === 'array') {
    return (node.children ?? []).map((item, index) => {
      offsets.set(pathKey([...path, index]), item.offset);
      return valueOf(item, [...path, index], offsets);
    });
  }
  return node.value as JsonValue;
}

type ErrorName = ReturnType<typeof printParseErrorCode>;

const BAD_ESCAPE = /\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/;

/** The first syntax error as a message that names what was expected and what was found. */
function firstError(text: string): { message: string; offset: number } | null {
  const containers: Array<'object' | 'array'> = [];
  let lastKey = '';
  // True right after `{` or an object's `,`: a stray symbol there stands where a key should be.
  let expectingKey = false;
  // Whether the top-level value has been read: a stray symbol after it is trailing text.
  let complete = false;
  let found: { message: string; offset: number } | null = null;
  const here = (at: number): string => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
  const close = (): string => (containers.at(-1) === 'array' ? ']' : '}');
  visit(
    text,
    {
      onObjectBegin: () => void (containers.push('object'), (expectingKey = true)),
      onArrayBegin: () => void containers.push('array'),
      onObjectEnd: () => void (containers.pop(), (complete = containers.length === 0)),
      onArrayEnd: () => void (containers.pop(), (complete = containers.length === 0)),
      onObjectProperty: (property) => void ((lastKey = property), (expectingKey = false)),
      onSeparator: (character) => void (expectingKey = character === ',' && containers.at(-1) === 'object'),
      onLiteralValue: () => void (complete = complete || containers.length === 0),
      onError: (code, offset, length) => {
        if (found) return;
        // The error codes are an ambient const enum, which isolated modules cannot read: go by name.
        const name = printParseErrorCode(code);
        const message = describe(name, offset, length);
        if (message !== null) found = { message, offset: errorAt(name, offset, length) };
      },
    },
    OPTIONS,
  );
  return found;

  /** Where to point: the parser places escape and number errors at the token's start. */
  function errorAt(code: ErrorName, offset: number, length: number): number {
    if (code === 'InvalidEscapeCharacter' || code === 'InvalidUnicode') {
      return offset + Math.max(0, text.slice(offset, offset + length).search(BAD_ESCAPE));
    }
    if (code === 'InvalidNumberFormat' || code === 'UnexpectedEndOfNumber') return offset + validNumberLength(offset);
    return offset;
  }

  function validNumberLength(offset: number): number {
    return /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(offset))?.[0].length ?? 0;
  }

  function describe(code: ErrorName, offset: number, length: number): string | null {
    switch (code) {
      // Raw tabs and other control characters inside strings are read as written, as before.
      case 'InvalidCharacter':
        return null;
      case 'InvalidCommentToken':
      case 'UnexpectedEndOfComment':
        return 'a /* comment is never closed';
      case 'UnexpectedEndOfString':
        return /[\r\n]/.test(text[offset + length] ?? '')
          ? 'a string is not closed before the end of the line'
          : 'a string is never closed';
      case 'InvalidEscapeCharacter':
      case 'InvalidUnicode':
        return 'invalid escape in a string';
      case 'InvalidNumberFormat':
      case 'UnexpectedEndOfNumber': {
        // `1e` is the number 1 followed by a stray `e`: point there, as the old reader did.
        const valid = validNumberLength(offset);
        return valid > 0
          ? `expected "," or "${close()}" but found ${here(offset + valid)}`
          : `expected a value but found ${here(offset)}`;
      }
      case 'PropertyNameExpected':
        return `expected a "quoted" property name or "}" but found ${here(offset)}`;
      case 'ColonExpected':
        return `expected ":" after "${lastKey}" but found ${here(offset)}`;
      case 'CommaExpected':
        return `expected "," or "${close()}" but found ${here(offset)}`;
      case 'CloseBraceExpected':
        return `expected "," or "}" but found ${here(offset)}`;
      case 'CloseBracketExpected':
        return `expected "," or "]" but found ${here(offset)}`;
      case 'EndOfFileExpected':
        return `unexpected ${here(offset)} after the end of the settings`;
      default:
        if (complete && containers.length === 0) return `unexpected ${here(offset)} after the end of the settings`;
        if (expectingKey) return `expected a "quoted" property name or "}" but found ${here(offset)}`;
        return `expected a value but found ${here(offset)}`;
    }
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
