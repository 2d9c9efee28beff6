/**
 * The bundled Liberation Sans (metric-compatible with Arial, the font of Google's results), loaded
 * under a name of our own so neither an installed Arial nor an older Liberation changes the widths
 * the previews are truncated with. The renderer ships the WOFF2 copies (`npm run fonts`): lossless,
 * the same advance widths and kerning as the TTFs `masthead check` measures with, a third the size.
 */
import boldUrl from '../../resources/fonts/LiberationSans-Bold.woff2?url';
import regularUrl from '../../resources/fonts/LiberationSans-Regular.woff2?url';

/** The family the previews draw and measure with. */
export const PREVIEW_FONT_FAMILY = 'Masthead Preview Sans';

/** CSS font-family list for previews: ours, then what it stands in for. */
export const PREVIEW_FONT_STACK = `"${PREVIEW_FONT_FAMILY}", Arial, "Liberation Sans", sans-serif`;

let loading: Promise<boolean> | null = null;

/**
 * Registers and loads both weights once; resolves true when they are ready to measure with,
 * false where the page has no font loading API (tests) or a file failed to load.
 */
export function loadPreviewFonts(): Promise<boolean> {
  if (loading) return loading;
  if (typeof FontFace === 'undefined' || typeof document === 'undefined' || !('fonts' in document)) {
    loading = Promise.resolve(false);
    return loading;
  }
  const faces = [
    new FontFace(PREVIEW_FONT_FAMILY, `url("${regularUrl}") format("woff2")`, { weight: '400' }),
    new FontFace(PREVIEW_FONT_FAMILY, `url("${boldUrl}") format("woff2")`, { weight: '700' }),
  ];
  for (const face of faces) document.fonts.add(face);
  // document.fonts.load() resolves only once the faces matching the font string are usable.
  loading = Promise.all([
    document.fonts.load(`400 20px "${PREVIEW_FONT_FAMILY}"`),
    document.fonts.load(`700 20px "${PREVIEW_FONT_FAMILY}"`),
  ])
    .then(() => true)
    .catch(() => false);
  return loading;
}
