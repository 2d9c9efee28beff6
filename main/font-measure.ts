/**
 * Text widths in the bundled Liberation Sans (metric-compatible with Arial, the font Google draws
 * result titles in), measured in plain Node with opentype.js. The app measures with canvas and the
 * same font; `masthead check` and the tests measure here, so a site's CI sees the same pixel widths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// A build-time dependency: electron-vite bundles its ES module into main (the package's CommonJS
// entry has no named exports for Node to import).
import { parse, type Font } from 'opentype.js';
import type { FontSpec, MeasureText } from '../shared/seo/types';

const FONT_FILES: Record<FontSpec['weight'], string> = {
  400: 'LiberationSans-Regular.ttf',
  700: 'LiberationSans-Bold.ttf',
};

/** The fonts folder of the app at `appRoot`. */
export function fontsDirOf(appRoot: string): string {
  return join(appRoot, 'resources', 'fonts');
}

/**
 * A MeasureText backed by the fonts in `fontsDir` (the family asked for is ignored: Liberation Sans
 * stands in for Arial). Each weight is read and parsed on first use.
 */
export function createFontMeasure(fontsDir: string): MeasureText {
  const fonts = new Map<number, Font>();
  const fontOf = (weight: FontSpec['weight']): Font => {
    let font = fonts.get(weight);
    if (!font) {
      const bytes = readFileSync(join(fontsDir, FONT_FILES[weight]));
      // parse() wants an ArrayBuffer of exactly the file, not Node's pooled buffer.
      font = parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      fonts.set(weight, font);
    }
    return font;
  };
  return (text, font) => fontOf(font.weight).getAdvanceWidth(text, font.sizePx, { kerning: true });
}
