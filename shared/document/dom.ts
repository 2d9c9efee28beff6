/**
 * DOM types for `createDOM`/`updateDOM` without the DOM lib: `shared/` is also compiled for Node
 * (no `lib.dom`), so node classes name the element type through Lexical's own signatures.
 */
import { $getDocument, type LexicalNode } from 'lexical';

/** The element type Lexical's `createDOM` returns (HTMLElement in the browser). */
export type DomElement = ReturnType<LexicalNode['createDOM']>;

/** Creates an element in the editor's document (works in the browser and under happy-dom). */
export function $createElement(tag: string): DomElement {
  // Cast because the Node build of `shared/` sees Electron's partial `Document` typing, not lib.dom.
  return ($getDocument() as unknown as { createElement(name: string): DomElement }).createElement(tag);
}
