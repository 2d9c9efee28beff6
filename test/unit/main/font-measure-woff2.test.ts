/**
 * The renderer measures SEO titles with the WOFF2 copies of Liberation Sans; `masthead check` and
 * the SEO tests measure with the TTFs. They must hold the same metrics: every glyph, advance width,
 * kerning pair and character mapping. The WOFF2 is decoded here (its table directory, then the
 * Brotli stream) and compared with the TTF, table by table.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const FONTS = new URL('../../../resources/fonts/', import.meta.url);

// WOFF2's known-table list: a directory entry names its table by index into this.
const KNOWN_TAGS =
  'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
    .match(/.{4}\s?/g)!
    .map((tag) => tag.slice(0, 4));

/** The tables of a TrueType file. */
function ttfTables(bytes: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  for (let index = 0; index < bytes.readUInt16BE(4); index++) {
    const at = 12 + index * 16;
    const offset = bytes.readUInt32BE(at + 8);
    tables.set(bytes.toString('latin1', at, at + 4), bytes.subarray(offset, offset + bytes.readUInt32BE(at + 12)));
  }
  return tables;
}

/** The tables of a WOFF2 file as stored (transformed ones still transformed), with their transform. */
function woff2Tables(bytes: Buffer): Map<string, { data: Buffer; transformed: boolean }> {
  expect(bytes.toString('latin1', 0, 4)).toBe('wOF2');
  const count = bytes.readUInt16BE(12);
  const compressedLength = bytes.readUInt32BE(20);
  let at = 48;
  const base128 = (): number => {
    let value = 0;
    for (;;) {
      const byte = bytes[at++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
  };
  const entries: { tag: string; length: number; transformed: boolean }[] = [];
  for (let index = 0; index < count; index++) {
    const flags = bytes[at++]!;
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 63) {
      tag = bytes.toString('latin1', at, at + 4);
      at += 4;
    }
    const version = flags >> 6;
    const original = base128();
    // glyf and loca are transformed at version 0 (3 is "none"); every other table at a non-zero version.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    entries.push({ tag: tag!, length: transformed ? base128() : original, transformed });
  }
  const stream = brotliDecompressSync(bytes.subarray(at, at + compressedLength));
  const tables = new Map<string, { data: Buffer; transformed: boolean }>();
  let offset = 0;
  for (const entry of entries) {
    tables.set(entry.tag, { data: stream.subarray(offset, offset + entry.length), transformed: entry.transformed });
    offset += entry.length;
  }
  return tables;
}

/** The advance width of every horizontal metric, from a plain or a transformed (WOFF2) hmtx. */
function advances(hmtx: Buffer, transformed: boolean, metrics: number): number[] {
  // WOFF2's hmtx transform drops side bearings only: one flags byte, then the advances as they were.
  return Array.from({ length: metrics }, (_, index) =>
    transformed ? hmtx.readUInt16BE(1 + index * 2) : hmtx.readUInt16BE(index * 4),
  );
}

describe.each(['LiberationSans-Regular', 'LiberationSans-Bold'])('%s as WOFF2', (name) => {
  const ttf = ttfTables(readFileSync(new URL(`${name}.ttf`, FONTS)));
  const woff2 = woff2Tables(readFileSync(new URL(`${name}.woff2`, FONTS)));

  it('is a third of the TTF or less', () => {
    expect(readFileSync(new URL(`${name}.woff2`, FONTS)).length).toBeLessThan(
      readFileSync(new URL(`${name}.ttf`, FONTS)).length / 2.5,
    );
  });

  it('keeps every table: no glyph, hinting or kerning dropped', () => {
    expect([...woff2.keys()].sort()).toEqual([...ttf.keys()].sort());
  });

  it('keeps what text is measured with byte for byte: character map, kerning, positioning, substitutions', () => {
    for (const tag of ['cmap', 'hhea', 'maxp', 'OS/2', 'post', 'kern', 'GPOS', 'GSUB', 'GDEF']) {
      if (!ttf.has(tag)) continue;
      const stored = woff2.get(tag);
      expect(stored?.transformed, tag).toBe(false);
      expect(stored?.data.equals(ttf.get(tag)!), tag).toBe(true);
    }
    // The em size every width is scaled by.
    expect(woff2.get('head')!.data.readUInt16BE(18)).toBe(ttf.get('head')!.readUInt16BE(18));
  });

  it('keeps every advance width', () => {
    const metrics = ttf.get('hhea')!.readUInt16BE(34);
    const hmtx = woff2.get('hmtx')!;
    expect(advances(hmtx.data, hmtx.transformed, metrics)).toEqual(advances(ttf.get('hmtx')!, false, metrics));
  });
});
