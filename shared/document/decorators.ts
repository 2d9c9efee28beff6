/**
 * The seam between headless decorator nodes and the renderer's React components. `shared/` may not
 * import React, so a decorator node's `decorate()` asks this registry for a renderer function the
 * renderer registered at start-up (`setDecoratorRenderer('image', props => <ImageView {...props} />)`)
 * and returns whatever it returns; with none registered it returns null and the node's own DOM
 * (from `createDOM`) is all that shows.
 */
import type { LexicalEditor, NodeKey } from 'lexical';

/** Props handed to the image renderer. */
export interface ImageDecoratorProps {
  editor: LexicalEditor;
  nodeKey: NodeKey;
  src: string;
  alt: string;
  title: string | null;
}

/** Props handed to the thematic-break renderer. */
export interface ThematicBreakDecoratorProps {
  editor: LexicalEditor;
  nodeKey: NodeKey;
}

/** Every decorator kind with the props its renderer receives. */
export interface DecoratorPropsMap {
  image: ImageDecoratorProps;
  'thematic-break': ThematicBreakDecoratorProps;
}

/** The kinds of decorator node the document model has. */
export type DecoratorKind = keyof DecoratorPropsMap;

/** A renderer: props in, whatever the UI layer renders (a React element in the app) out. */
export type DecoratorRenderer<K extends DecoratorKind> = (props: DecoratorPropsMap[K]) => unknown;

const renderers = new Map<DecoratorKind, DecoratorRenderer<DecoratorKind>>();

/** Registers (or, with null, removes) the renderer for a decorator kind; returns an unregister function. */
export function setDecoratorRenderer<K extends DecoratorKind>(
  kind: K,
  renderer: DecoratorRenderer<K> | null,
): () => void {
  if (renderer === null) {
    renderers.delete(kind);
    return () => undefined;
  }
  const stored = renderer as DecoratorRenderer<DecoratorKind>;
  renderers.set(kind, stored);
  return () => {
    if (renderers.get(kind) === stored) renderers.delete(kind);
  };
}

/** The renderer registered for a kind, if any. */
export function getDecoratorRenderer<K extends DecoratorKind>(kind: K): DecoratorRenderer<K> | undefined {
  return renderers.get(kind) as DecoratorRenderer<K> | undefined;
}
