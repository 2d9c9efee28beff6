/** A named preview: a figure whose caption is its accessible name, scaled down to fit the pane. */
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Wraps one preview with a visible caption that names it. Previews are drawn at their real pixel
 * sizes (Google's 600 px result column, a 360 px phone), so the truncation you see is the one
 * computed; in a narrower pane the whole drawing is zoomed down rather than re-wrapped, and the
 * caption says by how much.
 */
export function PreviewFigure({ name, children }: { name: string; children: ReactNode; wide?: boolean }) {
  const id = useId();
  const frameRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);

  useLayoutEffect(() => {
    const frame = frameRef.current;
    const content = contentRef.current;
    if (!frame || !content || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      // The content's natural width: its first child is drawn at a fixed size whatever the zoom.
      const natural = (content.firstElementChild as HTMLElement | null)?.offsetWidth ?? 0;
      const available = frame.clientWidth;
      const next = natural > 0 && available > 0 ? Math.min(1, Math.floor((available / natural) * 100) / 100) : 1;
      setZoom((current) => (current === next ? current : next));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  return (
    <figure className="seo-figure" role="figure" aria-labelledby={id}>
      <figcaption id={id} className="seo-figure__caption">
        {name}
        {zoom < 1 && <span className="seo-figure__zoom"> · shown at {Math.round(zoom * 100)}%</span>}
      </figcaption>
      <div ref={frameRef} className="seo-figure__frame">
        <div ref={contentRef} className="seo-figure__content" style={{ zoom }}>
          {children}
        </div>
      </div>
    </figure>
  );
}
