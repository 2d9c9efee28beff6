/** Images, inline `![alt](src "title")` and by reference `![alt][label]`, as {@link ImageNode}s. */
import type { Image, ImageReference, PhrasingContent } from 'mdast';
import type { InlineExportVisitor, InlineImportVisitor } from '../../convert/types';
import { $getSyntax, $setSyntax } from '../../state';
import { referenceFor, referenceSyntax, resolveReference } from '../link/reference';
import { $createImageNode, $isImageNode, type ImageNode } from './image-node';

/** Imports an image. */
export const imageImport: InlineImportVisitor = {
  types: ['image'],
  $import(node) {
    const image = node as Image;
    return [$createImageNode({ src: image.url, alt: image.alt ?? '', title: image.title ?? null })];
  },
};

/** Imports an image reference, resolved through the definitions. */
export const imageReferenceImport: InlineImportVisitor = {
  types: ['imageReference'],
  $import(node, ctx) {
    const reference = node as ImageReference;
    const definition = resolveReference(reference, ctx);
    if (!definition) return [];
    const image = $createImageNode({ src: definition.url, alt: reference.alt ?? '', title: definition.title });
    return [$setSyntax(image, referenceSyntax(reference, definition))];
  },
};

/** Exports an image; it takes the marks around it rather than splitting them. */
export const imageExport: InlineExportVisitor = {
  $test: $isImageNode,
  $export(node) {
    const image = node as ImageNode;
    const { src, alt, title } = image.getPayload();
    const reference = referenceFor($getSyntax(image), src, alt);
    const mdast: PhrasingContent = reference
      ? { type: 'imageReference', ...reference, alt }
      : { type: 'image', url: src, alt, title };
    return [{ node: mdast, marks: null, syntax: {} }];
  },
};
