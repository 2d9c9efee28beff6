/**
 * Text measuring for the previews: canvas measureText with the bundled font, cached, because the
 * truncation's binary search measures the same prefixes again on every keystroke.
 */
import { useEffect, useState } from 'react';
import type { FontSpec, MeasureText } from '../../shared/seo/types';
import { loadPreviewFonts, PREVIEW_FONT_STACK } from './fonts';

const CACHE_LIMIT = 20_000;

/** A canvas-backed measure; falls back to an average-width estimate where there is no canvas. */
export function createCanvasMeasure(): MeasureText {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text: string, font: FontSpec): number => {
    const key = `${font.weight}|${font.sizePx}|${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let width: number;
    if (context) {
      // The spec's family names what we imitate (Arial); we always draw with the bundled stand-in.
      context.font = `${font.weight} ${font.sizePx}px ${PREVIEW_FONT_STACK}`;
      width = context.measureText(text).width;
    } else {
      // Arial's average advance is about 0.5 em for running text.
      width = Array.from(text).length * font.sizePx * 0.5;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, width);
    return width;
  };
}

/**
 * The measure the previews use: `injected` when given (tests), else canvas — rebuilt once the
 * bundled font has loaded, so widths taken with a fallback font aren't kept.
 */
export function usePreviewMeasure(injected: MeasureText | undefined): MeasureText {
  const [canvasMeasure, setCanvasMeasure] = useState<MeasureText>(createCanvasMeasure);
  useEffect(() => {
    let live = true;
    void loadPreviewFonts().then((ready) => {
      // A fresh measure (empty cache) once the font is in; also re-renders the previews with it.
      if (live && ready) setCanvasMeasure(() => createCanvasMeasure());
    });
    return () => {
      live = false;
    };
  }, []);
  return injected ?? canvasMeasure;
}
