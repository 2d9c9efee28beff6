/**
 * Image files as the editor receives them (a file input, a drop, a paste): which ones are images,
 * their bytes as base64 for 'media:import', and whether one is large enough to flag. The limits
 * are the SEO social-image ones, so "large" means the same thing in the editor and in the checks.
 */
import type { ImageInfo } from '../../../shared/seo/types';
import { IMAGE_MAX_BYTES, X_MAX_SIDE } from '../../../shared/seo/limits';

/** The image files among `files` (by type, or by extension when the type is missing). */
export function imageFiles(files: Iterable<File>): File[] {
  return [...files].filter(
    (file) => file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(file.name),
  );
}

/**
 * True when a paste carries image files and no text: a screenshot, or "Copy image" in a browser
 * (which adds only HTML). Text beside the files (Word puts a picture of the selection on the
 * clipboard) means a text paste, left to the paste handling.
 */
export function isImagePaste(data: DataTransfer | null): boolean {
  if (data === null) return false;
  if (imageFiles(data.files).length === 0) return false;
  return data.getData('text/plain').trim() === '';
}

/** The file's bytes as base64 (without the `data:` prefix), encoded by the browser itself (fast even for 20 MB). */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** A name for a file that came without one (a pasted screenshot is often just `image.png`). */
export function nameOf(file: File): string {
  if (file.name !== '' && file.name !== 'image.png') return file.name;
  const extension = file.type.split('/')[1]?.replace('jpeg', 'jpg').replace('svg+xml', 'svg') ?? 'png';
  const stamp = new Date().toISOString().slice(0, 10);
  return `pasted-image-${stamp}.${extension}`;
}

/** A sentence saying why the image is large, or null when it is fine. */
export function largeImageWarning(info: ImageInfo | null): string | null {
  if (info === null) return null;
  const reasons: string[] = [];
  if (info.bytes >= IMAGE_MAX_BYTES)
    reasons.push(
      `${(Math.round((info.bytes / 1_000_000) * 10) / 10).toString()} MB (over ${IMAGE_MAX_BYTES / 1_000_000} MB)`,
    );
  if (Math.max(info.width, info.height) > X_MAX_SIDE)
    reasons.push(`${info.width} × ${info.height} px (over ${X_MAX_SIDE} px)`);
  if (reasons.length === 0) return null;
  return `This image is large: ${reasons.join(' and ')}. Readers will wait for it to load; consider exporting a smaller copy.`;
}
