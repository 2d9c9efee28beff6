/**
 * Clipboard HTML → a sanitized hast tree. DOMPurify does the sanitizing (HTML profile only: no
 * SVG or MathML, whose parsing differences are where mutation-XSS lives; no forms, styles sheets
 * or frames); hast-util-from-dom reads the fragment it returns without serializing and re-parsing
 * it, so what was checked is exactly what is converted.
 */
import DOMPurify, { type Config } from 'dompurify';
import type { Root } from 'hast';
import { fromDom } from 'hast-util-from-dom';

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'button', 'select', 'option', 'textarea', 'label', 'fieldset', 'iframe', 'frame', 'object', 'embed', 'base', 'link', 'meta'],
  FORBID_ATTR: ['srcset', 'srcdoc', 'action', 'formaction', 'background', 'poster', 'ping'],
  // Buttons and form controls are page chrome ("Share", "Copy link"): drop their text too.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM_FRAGMENT: true,
};

/** Sanitizes clipboard HTML with DOMPurify and returns it as hast. Needs a DOM (`window`). */
export function sanitizeClipboardHtml(html: string, purifier = DOMPurify): Root {
  const fragment = purifier.sanitize(html, CONFIG);
  const tree = fromDom(fragment);
  return tree.type === 'root' ? tree : { type: 'root', children: [] };
}
