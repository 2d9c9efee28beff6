/** A named preview: a figure whose caption is its accessible name, scaled down to fit the pane. */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Wraps one preview with a visible caption that names it. Previews are drawn at their real pixel
 * sizes (Google's 600 px result column, a 360 px phone), so the truncation you see is the one
 * computed; in a narrower pane the whole drawing is zoomed down rather than re-wrapped, the
 * caption says by how much, and "View at 100%" shows it full size in a modal overlay.
 */
export function PreviewFigure({ name, children }: { name: string; children: ReactNode; wide?: boolean }) {
  const id = useId();
  const frameRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const [full, setFull] = useState(false);

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
      {zoom < 1 && (
        <button
          type="button"
          className="button button--link seo-figure__full"
          aria-haspopup="dialog"
          onClick={() => setFull(true)}
        >
          View {name} at 100%
        </button>
      )}
      {full && (
        <FullSizeDialog name={name} onClose={() => setFull(false)}>
          {children}
        </FullSizeDialog>
      )}
    </figure>
  );
}

/** The preview at its real size, in a modal dialog over the whole window (Escape closes it). */
function FullSizeDialog({ name, onClose, children }: { name: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);
  return (
    <dialog ref={ref} className="dialog seo-figure__dialog" aria-labelledby={id} onClose={onClose}>
      <div className="seo-figure__dialog-bar">
        <h2 id={id} className="dialog__title">
          {name} at 100%
        </h2>
        <button type="button" className="button" autoFocus onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <div className="seo-figure__dialog-body">{children}</div>
    </dialog>
  );
}
