/** A named preview: a figure whose caption is its accessible name. */
import { useId, type ReactNode } from 'react';

/** Wraps one preview with a visible caption that names it. */
export function PreviewFigure({ name, children, wide = false }: { name: string; children: ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <figure className="seo-figure" role="figure" aria-labelledby={id}>
      <figcaption id={id} className="seo-figure__caption">
        {name}
      </figcaption>
      {/* Desktop results are drawn at their real 600px width; narrower panes scroll rather than re-wrap. */}
      {wide ? (
        <div className="seo-figure__scroll" tabIndex={0} role="group" aria-label={`${name}, scrollable`}>
          {children}
        </div>
      ) : (
        children
      )}
    </figure>
  );
}
