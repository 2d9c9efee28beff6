/**
 * How an image in the body looks. Images in a site repository are often relative to the site
 * (`/images/cover.jpg`) and cannot load inside the app; then the writer sees a calm placeholder
 * with the alt text and the path instead of a broken-image icon.
 */
import { useState } from 'react';
import type { ImageDecoratorProps } from '../../../shared/document';

/** Renders one image node. */
export function ImageView({ src, alt, title }: ImageDecoratorProps) {
  const [failed, setFailed] = useState(src.trim() === '');
  if (failed) {
    return (
      <span className="ed-image__missing" role="img" aria-label={`Image: ${alt || 'no description'}`} title={title ?? src}>
        <span className="ed-image__alt">{alt || 'Image'}</span>
        <code className="ed-image__src">{src}</code>
      </span>
    );
  }
  return <img src={src} alt={alt} title={title ?? undefined} onError={() => setFailed(true)} />;
}
