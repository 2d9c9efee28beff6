import { describe, expect, it } from 'vitest';
import { decodeWindows1252, textProblem, textProblemMessage } from '../../../../shared/content/text-encoding';
import { seededRandom } from '../../../support/random';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('textProblem', () => {
  it('accepts UTF-8 text, BOM and all', () => {
    expect(textProblem(utf8('\uFEFF---\ntitle: Café crème 🍵\n---\nBody.\n'))).toBeNull();
    expect(textProblem(new Uint8Array())).toBeNull();
  });

  it('finds the first Latin-1 byte and its line', () => {
    const bytes = Uint8Array.from([...utf8('---\ntitle: Caf'), 0xe9, ...utf8('\n---\n')]);
    expect(textProblem(bytes)).toEqual({ kind: 'not-utf8', offset: 14, line: 2, byte: 0xe9 });
    expect(textProblemMessage('content/posts/cafe.md', textProblem(bytes)!)).toMatch(
      /not UTF-8 text \(byte 0xE9 on line 2\)/,
    );
  });

  it('calls a file with NUL bytes binary', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(textProblem(png)).toMatchObject({ kind: 'binary', offset: 8, line: 3 });
  });

  it('agrees with the platform decoder on 3,000 random byte strings', () => {
    const random = seededRandom(5);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let n = 0; n < 3000; n++) {
      // Mostly high bytes, so every kind of lead, continuation, overlong and surrogate shows up.
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        random() < 0.2 ? 0x41 : 0x80 + Math.floor(random() * 128),
      );
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      expect(textProblem(bytes) === null, Array.from(bytes, (b) => b.toString(16)).join(' ')).toBe(valid);
    }
  });
});

describe('decodeWindows1252', () => {
  it('reads Latin-1 letters and the Windows quotes and dashes', () => {
    expect(
      decodeWindows1252(
        Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x96, 0x20, 0x80]),
      ),
    ).toBe('Café “ok” – €');
  });
});
