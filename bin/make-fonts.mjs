#!/usr/bin/env node
// `npm run fonts`: the renderer's copies of the bundled Liberation Sans as WOFF2 (about a third of
// the TTF), made with Google's reference encoder, `woff2_compress` (Debian/Ubuntu: `apt-get install
// woff2`; macOS: `brew install woff2`). WOFF2 is lossless: every glyph, advance width, kerning pair
// and hinting instruction is kept, so the SEO previews measure exactly as with the TTF, which stays
// for `masthead check` (main/font-measure.ts reads TrueType). No subsetting, on purpose: any title
// may hold any character the font has. The outputs are committed; run this again if the TTFs change.
// Each output is decoded again (`woff2_decompress`) and its tables compared with the TTF's.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fonts = fileURLToPath(new URL('../resources/fonts/', import.meta.url));
const FONTS = ['LiberationSans-Regular', 'LiberationSans-Bold'];

/** The tables of a TrueType file: tag → bytes. */
function tables(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const found = new Map();
  for (let index = 0; index < count; index++) {
    const at = 12 + index * 16;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    found.set(tag, bytes.subarray(view.getUint32(at + 8), view.getUint32(at + 8) + view.getUint32(at + 12)));
  }
  return found;
}

const work = mkdtempSync(join(tmpdir(), 'masthead-fonts-'));
try {
  for (const name of FONTS) {
    const ttf = join(work, `${name}.ttf`);
    copyFileSync(join(fonts, `${name}.ttf`), ttf);
    execFileSync('woff2_compress', [ttf], { stdio: 'ignore' });
    copyFileSync(join(work, `${name}.woff2`), join(fonts, `${name}.woff2`));
    // Decoded again, every table but 'head' (whose checksum and flags the encoder may set) and the
    // glyph outlines (re-encoded point by point) must come back byte for byte.
    rmSync(ttf);
    execFileSync('woff2_decompress', [join(work, `${name}.woff2`)], { stdio: 'ignore' });
    const before = tables(readFileSync(join(fonts, `${name}.ttf`)));
    const after = tables(readFileSync(ttf));
    for (const [tag, bytes] of before) {
      if (tag === 'head' || tag === 'glyf' || tag === 'loca') continue;
      if (!after.get(tag)?.equals(bytes)) throw new Error(`${name}: table ${tag} changed in WOFF2`);
    }
    const size = (file) => readFileSync(file).length;
    console.log(
      `${name}: ${size(join(fonts, `${name}.ttf`))} → ${size(join(fonts, `${name}.woff2`))} bytes, tables identical`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
