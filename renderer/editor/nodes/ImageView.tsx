/**
 * How an image in the body looks. Images stored in the site repository (`/images/cover.jpg`,
 * `./cover.png`) are loaded from it through the back end, so they show offline; web addresses load
 * as they are. When an image cannot load, the writer sees a calm placeholder with the alt text and
 * the path instead of a broken-image icon.
 */
import { useState } from 'react';
import type { ImageDecoratorProps } from '../../../shared/document';
import { mediaUrl } from '../../api';
import { useOpenPostPath } from '../../app/WorkspaceContext';

/** Renders one image node. */
export function ImageView({ src, alt, title }: ImageDecoratorProps) {
  const postPath = useOpenPostPath();
  const [failed, setFailed] = useState(src.trim() === '');
  if (failed) {
    return (
      <span className="ed-image__missing" role="img" aria-label={`Image: ${alt || 'no description'}`} title={title ?? src}>
        <span className="ed-image__alt">{alt || 'Image'}</span>
        <code className="ed-image__src">{src}</code>
      </span>
    );
  }
  return <img src={imageAddress(postPath, src)} alt={alt} title={title ?? undefined} onError={() => setFailed(true)} />;
}

/** The address to load: web and inline images as written, anything else from the repository. */
export function imageAddress(postPath: string | null, src: string): string {
  const trimmed = src.trim();
  if (/^(https?:|data:|blob:)/i.test(trimmed) || trimmed.startsWith('//') || postPath === null) return trimmed;
  return mediaUrl(postPath, trimmed);
}
