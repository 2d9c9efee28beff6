/**
 * What a paste holds, read from the clipboard's DataTransfer, and the Markdown it becomes. Kept
 * apart from the plugin so it can be tested with a plain DataTransfer-like object.
 */
import { htmlToPastedMarkdown, textToPastedMarkdown } from '../../../shared/document/paste';
import { sanitizeClipboardHtml } from './sanitize-html';

/** The clipboard types paste reads. */
export type ClipboardData = Pick<DataTransfer, 'getData' | 'types'> & { files?: { length: number } | null };

/** The content a paste will use: HTML, text, or null when it is not ours (files only, or empty). */
export type PastedContent = { kind: 'html'; html: string; text: string } | { kind: 'text'; text: string };

/**
 * Picks what to paste. HTML wins over text (it carries the structure) unless the writer asked
 * for plain text; a clipboard that holds only files is left to the image paste handler.
 */
export function readClipboard(data: ClipboardData, plain: boolean): PastedContent | null {
  const types = Array.from(data.types);
  const text = types.includes('text/plain') ? data.getData('text/plain') : '';
  const html = types.includes('text/html') ? data.getData('text/html') : '';
  if (!plain && html.trim() !== '') return { kind: 'html', html, text };
  if (text !== '') return { kind: 'text', text };
  if (plain && html.trim() !== '') return { kind: 'text', text: htmlText(html) };
  return null;
}

/** The Markdown a paste inserts. */
export function pastedMarkdown(content: PastedContent, plain: boolean): string {
  if (content.kind === 'html') return htmlToPastedMarkdown(sanitizeClipboardHtml(content.html));
  return textToPastedMarkdown(content.text, { plain });
}

/** The visible text of clipboard HTML, for a plain paste when the clipboard has no text. */
export function htmlText(html: string): string {
  const tree = sanitizeClipboardHtml(html);
  const parts: string[] = [];
  const walk = (node: (typeof tree.children)[number]): void => {
    if (node.type === 'text') parts.push(node.value);
    if (node.type === 'element') {
      node.children.forEach(walk);
      if (/^(?:p|div|h[1-6]|li|tr|br|blockquote|pre)$/.test(node.tagName)) parts.push('\n\n');
    }
  };
  tree.children.forEach(walk);
  return parts
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
