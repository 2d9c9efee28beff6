/**
 * Clipboard HTML → a sanitized hast tree. DOMPurify does the sanitizing (HTML profile only: no
 * SVG or MathML, whose parsing differences are where mutation-XSS lives; no forms, styles sheets
 * or frames); hast-util-from-dom reads the element it returns without serializing and re-parsing
 * it, so what was checked is exactly what is converted.
 */
import DOMPurify, { type Config } from 'dompurify';
import type { Root } from 'hast';
import { fromDom } from 'hast-util-from-dom';

const CONFIG: Config & { RETURN_DOM: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'button',
    'select',
    'option',
    'textarea',
    'label',
    'fieldset',
    'iframe',
    'frame',
    'object',
    'embed',
    'base',
    'link',
    'meta',
  ],
  FORBID_ATTR: ['srcset', 'srcdoc', 'action', 'formaction', 'background', 'poster', 'ping'],
  // Buttons and form controls are page chrome ("Share", "Copy link"): drop their text too.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // The body element of DOMPurify's own document: nothing is imported or copied (cheaper than a fragment).
  RETURN_DOM: true,
};

/** Sanitizes clipboard HTML with DOMPurify and returns it as hast. Needs a DOM (`window`). */
export function sanitizeClipboardHtml(html: string, purifier = DOMPurify): Root {
  // Parsed as a standards-mode page, as the page it was copied from was: without a doctype the
  // parser keeps quirks such as a table inside a paragraph.
  const body = fromDom(purifier.sanitize(`<!DOCTYPE html>${html}`, CONFIG));
  return { type: 'root', children: body.type === 'element' ? body.children : [] };
}
