/**
 * A card's picture: the social image when it loads, a clear placeholder when it can't (a remote
 * image offline, a typo in the path) or when the post has none.
 */
import { useState } from 'react';

/** Props of {@link PreviewImage}. */
export interface PreviewImageProps {
  /** Resolved URL, or null when the post has no social image. */
  url: string | null;
  alt: string;
  className: string;
}

/** The image, or a placeholder naming why there is none. */
export function PreviewImage({ url, alt, className }: PreviewImageProps) {
  // Keyed by URL so a new image gets a fresh try after an earlier one failed.
  return url === null ? (
    <Placeholder className={className} text="No image" />
  ) : (
    <LoadingImage key={url} url={url} alt={alt} className={className} />
  );
}

function LoadingImage({ url, alt, className }: { url: string; alt: string; className: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <Placeholder className={className} text="Image could not be loaded" />;
  return (
    <img
      className={`${className} seo-image`}
      src={url}
      alt={alt}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

function Placeholder({ className, text }: { className: string; text: string }) {
  return (
    <div className={`${className} seo-image seo-image--placeholder`} role="img" aria-label={text}>
      <span aria-hidden="true">{text}</span>
    </div>
  );
}
