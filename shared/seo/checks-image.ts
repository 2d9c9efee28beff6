/**
 * Social image checks: present, big enough for Open Graph, within X's card limits, small enough,
 * in a format every card accepts, described by alt text.
 */
import { isConvention, shareText, type SeoConventions } from './conventions';
import {
  IMAGE_FORMATS,
  IMAGE_MAX_BYTES,
  OG_MIN_HEIGHT,
  OG_MIN_WIDTH,
  X_MAX_SIDE,
  X_MIN_HEIGHT,
  X_MIN_WIDTH,
} from './limits';
import { locateImage } from './repo-paths';
import type { ImageInfo, SeoCheck, SeoRoles } from './types';

/** What the image checks know of the repository and the site's habits; each part may be unknown. */
export interface ImageContext {
  postPath?: string;
  /** The repository's files; null when unknown (then a missing file is not reported). */
  existing?: ReadonlySet<string> | null;
  conventions?: SeoConventions | undefined;
}

/**
 * Checks of the social image; `image` undefined means its facts were not looked up (yet). Only an
 * image file the repository lacks is an error (the page shows a broken image); a card that will
 * look poor or show no picture is advice (see the severity rule in checks.ts).
 */
export function imageChecks(
  roles: SeoRoles,
  image: ImageInfo | null | undefined,
  context: ImageContext = {},
): SeoCheck[] {
  const src = roles.image;
  const conventions = context.conventions;
  if (src === null) {
    if (conventions?.siteImage !== undefined) {
      return [
        {
          id: 'image-present',
          severity: 'pass',
          title: 'Social image',
          message: `No social image of its own: cards show the site's default, ${conventions.siteImage}.`,
          figures: { from: 'site' },
        },
      ];
    }
    // Sites whose posts carry no image of their own set a default card image in their templates.
    if (conventions !== undefined && !isConvention(conventions, 'image')) {
      return [
        {
          id: 'image-present',
          severity: 'pass',
          title: 'Social image',
          message: `No social image of its own (${shareText(conventions, 'image')} here set one): cards show the site's default image, if it has one.`,
        },
      ];
    }
    const habit = conventions ? ` (${shareText(conventions, 'image')} here set one)` : '';
    return [
      {
        id: 'image-present',
        severity: 'warning',
        title: 'Social image',
        message: `No social image${habit}: cards will show no picture (or one the platform picks). Set an image of at least 1200 × 630 px.`,
      },
    ];
  }
  const checks: SeoCheck[] = [
    {
      id: 'image-present',
      severity: 'pass',
      title: 'Social image',
      message:
        src.source === 'fallback'
          ? `Using the body's first image (${src.value}) as the social image.`
          : `Social image: ${src.value}.`,
      figures: { from: src.from },
    },
  ];
  // The body's first image only stands in for the preview: where the site's posts set no image of
  // their own, its templates use their default card image, so this one's size says nothing.
  if (src.source === 'fallback' && conventions !== undefined && !isConvention(conventions, 'image')) {
    checks[0] = {
      ...checks[0],
      message: `No social image of its own: the preview shows the body's first image (${src.value}); the site's templates may use their default card image.`,
    } as SeoCheck;
    return checks;
  }
  const where =
    context.existing && context.postPath !== undefined
      ? locateImage(context.postPath, src.value, context.existing)
      : null;
  if (where?.kind === 'missing') {
    // The body's own images are checked with its links; this is the one from the front matter.
    if (src.source === 'field') {
      checks.push({
        id: 'image-exists',
        severity: 'error',
        title: 'Social image file',
        message: `${src.value} (from “${src.from}”) is not in the repository: the page and its cards would show a broken image.`,
        figures: { from: src.from },
      });
    }
  } else if (where?.kind === 'external') {
    checks.push({
      id: 'image-readable',
      severity: 'pass',
      title: 'Social image size',
      message: `${src.value} is hosted elsewhere: its size and format are not checked here.`,
    });
  } else if (image === null) {
    checks.push({
      id: 'image-readable',
      severity: 'warning',
      title: 'Social image size',
      message: `Couldn't read ${src.value}: check the file exists and is an image. Its size and format are unchecked.`,
    });
  } else if (image !== undefined) {
    checks.push(...sizeChecks(image));
  }
  const alt = roles.imageAlt;
  if (alt !== null) {
    checks.push({
      id: 'image-alt',
      severity: 'pass',
      title: 'Social image alt text',
      message: `Alt text: “${alt.value}”.`,
    });
  } else if (conventions !== undefined && !isConvention(conventions, 'imageAlt')) {
    checks.push({
      id: 'image-alt',
      severity: 'pass',
      title: 'Social image alt text',
      message: `No alt text for the social image (${shareText(conventions, 'imageAlt')} here set one): cards fall back on the title.`,
    });
  } else {
    checks.push({
      id: 'image-alt',
      severity: 'warning',
      title: 'Social image alt text',
      message: 'The social image has no alt text: screen-reader users of X and LinkedIn hear nothing about it.',
    });
  }
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
      ? {
          id: 'image-og-size',
          severity: 'pass',
          title: 'Open Graph image size',
          message: `${dims}: sharp on Facebook and LinkedIn.`,
          figures: { ...figures, minWidth: OG_MIN_WIDTH, minHeight: OG_MIN_HEIGHT },
        }
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
          severity: 'warning',
          title: 'X card image size',
          message: tooSmall
            ? `${dims} is smaller than X's minimum of ${X_MIN_WIDTH} × ${X_MIN_HEIGHT} px: X will show no image.`
            : `${dims} is larger than X's maximum of ${X_MAX_SIDE} × ${X_MAX_SIDE} px: X will show no image.`,
          figures: { ...figures, minWidth: X_MIN_WIDTH, minHeight: X_MIN_HEIGHT, maxSide: X_MAX_SIDE },
        }
      : {
          id: 'image-x-size',
          severity: 'pass',
          title: 'X card image size',
          message: `${dims} is within X's limits.`,
          figures: { ...figures, minWidth: X_MIN_WIDTH, minHeight: X_MIN_HEIGHT, maxSide: X_MAX_SIDE },
        },
  );
  const megabytes = Math.round((bytes / 1_000_000) * 100) / 100;
  checks.push(
    bytes >= IMAGE_MAX_BYTES
      ? {
          id: 'image-bytes',
          severity: 'warning',
          title: 'Social image file size',
          message: `${megabytes} MB is over the 5 MB cards accept: compress it or export it smaller.`,
          figures: { bytes, maxBytes: IMAGE_MAX_BYTES },
        }
      : {
          id: 'image-bytes',
          severity: 'pass',
          title: 'Social image file size',
          message: `${megabytes} MB (limit 5 MB).`,
          figures: { bytes, maxBytes: IMAGE_MAX_BYTES },
        },
  );
  checks.push(
    IMAGE_FORMATS.includes(format)
      ? {
          id: 'image-format',
          severity: 'pass',
          title: 'Social image format',
          message: `${format.toUpperCase()} works on every card.`,
          figures: { format },
        }
      : {
          id: 'image-format',
          severity: 'warning',
          title: 'Social image format',
          message: `${format.toUpperCase() || 'This format'} isn't shown by social cards: use JPG, PNG, WEBP or GIF.`,
          figures: { format },
        },
  );
  return checks;
}
