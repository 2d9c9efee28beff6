/**
 * One answer to "may this URL go into a post as a link or image source?", shared by the link
 * editor, paste and the publish checks so they can never disagree.
 *
 * Allowed: http(s), mailto, tel, scheme-less (relative paths, `//host`, `#anchors`, `?query`) and
 * `data:image/(png|jpeg|gif|webp|avif)`. Everything else with a scheme is refused — `javascript:`,
 * `vbscript:`, `data:text/html`, `file:` and schemes we do not know — because a browser or a
 * static-site generator may run or load it.
 */
import { decodeHTML } from 'entities';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif)(?:;[a-z0-9=.+_-]*)*,/i;
// Browsers drop ASCII tab/newline anywhere in a URL and C0 controls/space at its ends, so
// `java\tscript:` runs as `javascript:`. We drop every control, space and invisible format
// character anywhere before reading the scheme: stricter than the browser, never looser.
const IGNORED = /[\p{Cc}\p{Cf}\p{Z}\p{M}\p{Default_Ignorable_Code_Point}]/gu;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The reason a URL is refused, or null when it is safe to keep. */
export function unsafeUrlReason(url: string): string | null {
  const scheme = urlScheme(url);
  if (scheme === null || ALLOWED_SCHEMES.has(scheme)) return null;
  if (scheme === 'data') {
    return SAFE_DATA_IMAGE.test(normalise(url))
      ? null
      : 'data: addresses are only allowed for PNG, JPEG, GIF, WebP or AVIF images.';
  }
  if (scheme === 'javascript' || scheme === 'vbscript') return `${scheme}: addresses run code in the reader's browser.`;
  return `${scheme}: addresses are not allowed; use an http(s), mailto, tel or relative address.`;
}

/** True when the URL may be kept as a link or image source (see the module comment). */
export function isSafeUrl(url: string): boolean {
  return unsafeUrlReason(url) === null;
}

/** The URL's scheme in lower case as a browser would read it, or null for a relative URL. */
export function urlScheme(url: string): string | null {
  const match = SCHEME.exec(normalise(url));
  return match ? match[1]!.toLowerCase() : null;
}

function normalise(url: string): string {
  // Decode twice: `&amp;#106;` survives one pass of a Markdown or HTML parser as `&#106;`.
  let text = url;
  for (let pass = 0; pass < 3; pass++) {
    const decoded = decodeHTML(text);
    if (decoded === text) break;
    text = decoded;
  }
  return text.normalize('NFKC').replace(IGNORED, '');
}
