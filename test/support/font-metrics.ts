/**
 * Text widths measured with the bundled Liberation Sans in plain Node (opentype.js), so the SEO
 * truncation tests check real pixel widths rather than a made-up one-width-per-letter font.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type Font } from 'opentype.js';
import type { FontSpec, MeasureText } from '../../shared/seo/types';

const FONT_FILES = {
  400: fileURLToPath(new URL('../../resources/fonts/LiberationSans-Regular.ttf', import.meta.url)),
  700: fileURLToPath(new URL('../../resources/fonts/LiberationSans-Bold.ttf', import.meta.url)),
} as const;

const fonts = new Map<number, Font>();

/** The bundled font of `weight`, parsed once per test file. */
export function loadFont(weight: FontSpec['weight'] = 400): Font {
  let font = fonts.get(weight);
  if (!font) {
    const bytes = readFileSync(FONT_FILES[weight]);
    // parse() wants an ArrayBuffer of exactly the file, not Node's pooled buffer.
    font = parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    fonts.set(weight, font);
  }
  return font;
}

/** A MeasureText backed by the bundled font (family is ignored: Liberation Sans stands in for Arial). */
export function fontMeasure(): MeasureText {
  return (text, font) => loadFont(font.weight).getAdvanceWidth(text, font.sizePx, { kerning: true });
}
