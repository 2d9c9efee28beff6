/** Images, inline `![alt](src "title")` and by reference `![alt][label]`, as {@link ImageNode}s. */
import type { PhrasingContent } from 'mdast';
import type { Construct, InlineExportVisitor, InlineImportVisitor } from '../../convert/types';
import type { VerbatimNode } from '../../markdown/serialize';
import { $getSyntax, $setSyntax, syntaxString, type SyntaxStyle } from '../../state';
import { referenceFor, referenceSyntax, resolveReference } from '../link/reference';
import { $createImageNode, $isImageNode, ImageNode, type ImagePayload } from './image-node';

function signature(payload: ImagePayload): string {
  return JSON.stringify([payload.src, payload.alt, payload.title]);
}

/** Imports an image. */
export const imageImport: InlineImportVisitor<'image'> = {
  types: ['image'],
  $import(image, ctx) {
    const payload = { src: image.url, alt: image.alt ?? '', title: image.title ?? null };
    const source = ctx.slice(image);
    // Kept as written (escapes in the alt, the title's quotes) while src, alt and title are unchanged.
    const syntax: SyntaxStyle = source === '' || /[\r\n]/.test(source) ? {} : { source, kept: signature(payload) };
    return [$setSyntax($createImageNode(payload), syntax)];
  },
};

/** Imports an image reference, resolved through the definitions. */
export const imageReferenceImport: InlineImportVisitor<'imageReference'> = {
  types: ['imageReference'],
  $import(reference, ctx) {
    const definition = resolveReference(reference, ctx);
    if (!definition) return [];
    const image = $createImageNode({ src: definition.url, alt: reference.alt ?? '', title: definition.title });
    return [$setSyntax(image, referenceSyntax(reference, definition))];
  },
};

/** Exports an image; it takes the marks around it rather than splitting them. */
export const imageExport: InlineExportVisitor<ImageNode> = {
  $test: $isImageNode,
  $export(image, ctx) {
    const { src, alt, title } = image.getPayload();
    const syntax = $getSyntax(image);
    const source = syntaxString(syntax, 'source');
    if (
      ctx.mode !== 'full' &&
      source !== undefined &&
      syntaxString(syntax, 'kept') === signature({ src, alt, title })
    ) {
      const verbatim: VerbatimNode = { type: 'mastheadVerbatim', value: source };
      return [{ node: verbatim, marks: null, syntax: {} }];
    }
    const reference = referenceFor(syntax, src, alt);
    const mdast: PhrasingContent = reference
      ? { type: 'imageReference', ...reference, alt }
      : { type: 'image', url: src, alt, title };
    return [{ node: mdast, marks: null, syntax: {} }];
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const imageConstruct: Construct = {
  name: 'image',
  nodes: [ImageNode],
  inlineImports: [imageImport, imageReferenceImport],
  inlineExports: [imageExport],
};
