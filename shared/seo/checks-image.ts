/**
 * Social image checks: present, big enough for Open Graph, within X's card limits, small enough,
 * in a format every card accepts, described by alt text.
 */
import { IMAGE_FORMATS, IMAGE_MAX_BYTES, OG_MIN_HEIGHT, OG_MIN_WIDTH, X_MAX_SIDE, X_MIN_HEIGHT, X_MIN_WIDTH } from './limits';
import type { ImageInfo, SeoCheck, SeoRoles } from './types';

/** Checks of the social image; `image` undefined means its facts were not looked up (yet). */
export function imageChecks(roles: SeoRoles, image: ImageInfo | null | undefined): SeoCheck[] {
  const src = roles.image;
  if (src === null) {
    return [{ id: 'image-present', severity: 'warning', title: 'Social image', message: 'No social image: cards will show no picture (or one the platform picks). Set an image of at least 1200 × 630 px.' }];
  }
  const checks: SeoCheck[] = [
    {
      id: 'image-present',
      severity: 'pass',
      title: 'Social image',
      message: src.source === 'fallback' ? `Using the body's first image (${src.value}) as the social image.` : `Social image: ${src.value}.`,
      figures: { from: src.from },
    },
  ];
  if (image === null) {
    checks.push({ id: 'image-readable', severity: 'warning', title: 'Social image size', message: `Couldn't read ${src.value}: check the file exists and is an image. Its size and format are unchecked.` });
  } else if (image !== undefined) {
    checks.push(...sizeChecks(image));
  }
  const alt = roles.imageAlt;
  checks.push(
    alt === null
      ? { id: 'image-alt', severity: 'warning', title: 'Social image alt text', message: 'The social image has no alt text: screen-reader users of X and LinkedIn hear nothing about it.' }
      : { id: 'image-alt', severity: 'pass', title: 'Social image alt text', message: `Alt text: “${alt.value}”.` },
  );
  return checks;
}

function sizeChecks(image: ImageInfo): SeoCheck[] {
  const { width, height, bytes } = image;
  const format = image.format.toLowerCase();
  const dims = `${width} × ${height} px`;
  const figures = { width, height };
  const checks: SeoCheck[] = [];
  checks.push(
    width >= OG_MIN_WIDTH && height >= OG_MIN_HEIGHT
      ? { id: 'image-og-size', severity: 'pass', title: 'Open Graph image size', message: `${dims}: sharp on Facebook and LinkedIn.`, figures: { ...figures, minWidth: OG_MIN_WIDTH, minHeight: OG_MIN_HEIGHT } }
      : {
          id: 'image-og-size',
          severity: 'warning',
          title: 'Open Graph image size',
          message: `${dims} is below the recommended ${OG_MIN_WIDTH} × ${OG_MIN_HEIGHT} px: large cards will look blurry or show a small thumbnail.`,
          figures: { ...figures, minWidth: OG_MIN_WIDTH, minHeight: OG_MIN_HEIGHT },
        },
  );
  const tooSmall = width < X_MIN_WIDTH || height < X_MIN_HEIGHT;
  const tooBig = width > X_MAX_SIDE || height > X_MAX_SIDE;
  checks.push(
    tooSmall || tooBig
      ? {
          id: 'image-x-size',
          severity: 'error',
          title: 'X card image size',
          message: tooSmall
            ? `${dims} is smaller than X's minimum of ${X_MIN_WIDTH} × ${X_MIN_HEIGHT} px: X will show no image.`
            : `${dims} is larger than X's maximum of ${X_MAX_SIDE} × ${X_MAX_SIDE} px: X will show no image.`,
          figures: { ...figures, minWidth: X_MIN_WIDTH, minHeight: X_MIN_HEIGHT, maxSide: X_MAX_SIDE },
        }
      : { id: 'image-x-size', severity: 'pass', title: 'X card image size', message: `${dims} is within X's limits.`, figures: { ...figures, minWidth: X_MIN_WIDTH, minHeight: X_MIN_HEIGHT, maxSide: X_MAX_SIDE } },
  );
  const megabytes = Math.round((bytes / 1_000_000) * 100) / 100;
  checks.push(
    bytes >= IMAGE_MAX_BYTES
      ? { id: 'image-bytes', severity: 'error', title: 'Social image file size', message: `${megabytes} MB is over the 5 MB cards accept: compress it or export it smaller.`, figures: { bytes, maxBytes: IMAGE_MAX_BYTES } }
      : { id: 'image-bytes', severity: 'pass', title: 'Social image file size', message: `${megabytes} MB (limit 5 MB).`, figures: { bytes, maxBytes: IMAGE_MAX_BYTES } },
  );
  checks.push(
    IMAGE_FORMATS.includes(format)
      ? { id: 'image-format', severity: 'pass', title: 'Social image format', message: `${format.toUpperCase()} works on every card.`, figures: { format } }
      : { id: 'image-format', severity: 'error', title: 'Social image format', message: `${format.toUpperCase() || 'This format'} isn't shown by social cards: use JPG, PNG, WEBP or GIF.`, figures: { format } },
  );
  return checks;
}
