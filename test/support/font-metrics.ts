/**
 * Text widths measured with the bundled Liberation Sans in plain Node (main/font-measure.ts), so the
 * SEO truncation tests check real pixel widths rather than a made-up one-width-per-letter font.
 */
import { fileURLToPath } from 'node:url';
import { createFontMeasure } from '../../main/font-measure';
import type { MeasureText } from '../../shared/seo/types';

const FONTS_DIR = fileURLToPath(new URL('../../resources/fonts/', import.meta.url));

/** A MeasureText backed by the bundled font. */
export function fontMeasure(): MeasureText {
  return createFontMeasure(FONTS_DIR);
}
