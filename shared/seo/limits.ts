/**
 * The numbers behind the SEO checks, in one place so the UI can print them next to each finding.
 */

/** Titles: Google's desktop column (see truncate.ts) and the usual 60-character guidance. */
export const TITLE_MAX_CHARS = 60;
/** See {@link TITLE_MAX_CHARS}. */
export const TITLE_MAX_PX = 600;

/** Meta descriptions: long enough to inform (120, what mobile shows), short enough not to be cut on desktop (156). */
export const DESCRIPTION_MIN_CHARS = 120;
/** See {@link DESCRIPTION_MIN_CHARS}. */
export const DESCRIPTION_MAX_CHARS = 156;

/** X (Twitter) usernames: 1–15 letters, digits or underscores, written with a leading `@`. */
export const X_HANDLE = /^@[A-Za-z0-9_]{1,15}$/;

/** Open Graph's recommended size for sharp large previews on Facebook and LinkedIn (1.91:1). */
export const OG_MIN_WIDTH = 1200;
/** See {@link OG_MIN_WIDTH}. */
export const OG_MIN_HEIGHT = 630;

/** X `summary_large_image`: at least 300×157, at most 4096×4096, under 5 MB, JPG/PNG/WEBP/GIF. */
export const X_MIN_WIDTH = 300;
/** See {@link X_MIN_WIDTH}. */
export const X_MIN_HEIGHT = 157;
/** See {@link X_MIN_WIDTH}. */
export const X_MAX_SIDE = 4096;
/** 5 MB read as decimal megabytes (5,000,000 bytes), the stricter reading, so an image we pass X accepts too. */
export const IMAGE_MAX_BYTES = 5_000_000;
/** Formats every card renderer accepts (image-size names JPEG `jpg`). */
export const IMAGE_FORMATS: readonly string[] = ['jpg', 'jpeg', 'png', 'webp', 'gif'];

/**
 * Reading speed for time-to-read: 238 words per minute, the mean for silent reading of English
 * non-fiction (Brysbaert, 2019, a meta-analysis of 190 studies).
 */
export const WORDS_PER_MINUTE = 238;
