/**
 * Whether a post's bytes are text Masthead can edit: UTF-8, no NUL bytes. Anything else (a
 * Latin-1 file from an old blog engine, an image renamed `.md`) would be damaged by a lossy decode
 * and a save, so the editor refuses it, `masthead check` reports it, and the raw source view
 * offers a conversion from Windows-1252 with a preview.
 */

/** Why bytes are not editable text, and where the first bad byte is. */
export interface TextProblem {
  kind: 'binary' | 'not-utf8';
  /** 0-based offset of the first offending byte. */
  offset: number;
  /** 1-based line of that byte. */
  line: number;
  /** The offending byte. */
  byte: number;
}

/** The first reason `bytes` are not editable UTF-8 text, or null when they are. */
export function textProblem(bytes: Uint8Array): TextProblem | null {
  const nul = bytes.indexOf(0);
  const invalid = firstInvalidUtf8(bytes);
  if (nul === -1 && invalid === -1) return null;
  // A NUL byte says "not text at all" even when an earlier byte is only badly encoded.
  const kind = nul !== -1 ? 'binary' : 'not-utf8';
  const offset = kind === 'binary' ? nul : invalid;
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return { kind, offset, line, byte: bytes[offset]! };
}

/** A sentence saying what is wrong with a file of `problem`, named `path`. */
export function textProblemMessage(path: string, problem: TextProblem): string {
  const hex = `0x${problem.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return problem.kind === 'binary'
    ? `“${path}” is a binary file, not text (a NUL byte on line ${problem.line}), so Masthead cannot edit it.`
    : `“${path}” is not UTF-8 text (byte ${hex} on line ${problem.line}), so Masthead cannot edit it without damaging it. Convert it to UTF-8 (Masthead can convert it from Windows-1252/Latin-1 when you open it).`;
}

// Windows-1252's 0x80–0x9F (WHATWG encoding table); the five bytes it leaves undefined map to the
// same code point, as browsers do. Spelled out because Node's decoder treats the label as Latin-1.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * The text of `bytes` read as Windows-1252 (the superset of Latin-1 that old Windows and web tools
 * wrote), for converting a non-UTF-8 post to UTF-8.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte);
  return out;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}
