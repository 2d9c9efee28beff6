/**
 * Reference-style links and images (`[text][label]`, `[text][]`, `[text]`, `![alt][label]`):
 * the importer resolves them through the document's definitions; the node remembers the reference
 * so it is written back as a reference, unless the writer changed the URL.
 */
import type { ImageReference, LinkReference } from 'mdast';
import type { ImportContext, DefinitionInfo } from '../../convert/types';
import { syntaxString, type SyntaxStyle } from '../../state';

/** Normalizes a label the way CommonMark matches labels (case- and whitespace-insensitive). */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();
}

/** Resolves a reference to its definition, or null (micromark only makes references that resolve). */
export function resolveReference(node: LinkReference | ImageReference, ctx: ImportContext): DefinitionInfo | null {
  return ctx.definitions.get(normalizeLabel(node.label ?? node.identifier)) ?? null;
}

/** The syntax record a reference leaves on its node. */
export function referenceSyntax(node: LinkReference | ImageReference, definition: DefinitionInfo): SyntaxStyle {
  return { refType: node.referenceType, refLabel: node.label ?? node.identifier, refUrl: definition.url };
}

/**
 * The reference to write, or null to write an inline link: the URL must still be the definition's,
 * and a collapsed/shortcut reference whose text no longer matches its label becomes a full one.
 */
export function referenceFor(
  syntax: SyntaxStyle,
  url: string,
  text: string,
): { identifier: string; label: string; referenceType: 'full' | 'collapsed' | 'shortcut' } | null {
  const label = syntaxString(syntax, 'refLabel');
  const refType = syntaxString(syntax, 'refType');
  if (label === undefined || syntaxString(syntax, 'refUrl') !== url) return null;
  let referenceType: 'full' | 'collapsed' | 'shortcut' =
    refType === 'collapsed' || refType === 'shortcut' ? refType : 'full';
  if (referenceType !== 'full' && normalizeLabel(text) !== normalizeLabel(label)) referenceType = 'full';
  return { identifier: label.toLowerCase(), label, referenceType };
}
