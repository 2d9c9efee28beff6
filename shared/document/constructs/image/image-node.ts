/**
 * An image (`![alt](src "title")`) as an inline decorator that keeps src, alt and title. The
 * renderer shows it by registering a component with `setDecoratorRenderer('image', …)`; without
 * one, `createDOM` draws a plain `<img>` so the image is still visible.
 */
import { addClassNamesToElement } from '@lexical/utils';
import {
  $create,
  $getState,
  $setState,
  createState,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { getDecoratorRenderer } from '../../decorators';
import { $createElement, type DomElement } from '../../dom';

const srcState = createState('src', { parse: (v) => (typeof v === 'string' ? v : '') });
const altState = createState('alt', { parse: (v) => (typeof v === 'string' ? v : '') });
const titleState = createState('title', { parse: (v) => (typeof v === 'string' ? v : null) });

/** What an image shows. */
export interface ImagePayload {
  src: string;
  alt: string;
  title: string | null;
}

/** An inline image. */
export class ImageNode extends DecoratorNode<unknown> {
  /** @internal */
  override $config() {
    return this.config('md-image', {
      extends: DecoratorNode,
      stateConfigs: [
        { stateConfig: srcState, flat: true },
        { stateConfig: altState, flat: true },
        { stateConfig: titleState, flat: true },
      ],
    });
  }

  /** The image's src, alt and title. */
  getPayload(): ImagePayload {
    return { src: $getState(this, srcState), alt: $getState(this, altState), title: $getState(this, titleState) };
  }

  /** Changes any of src, alt, title. */
  setPayload(payload: Partial<ImagePayload>): this {
    let node = this as this;
    if (payload.src !== undefined) node = $setState(node, srcState, payload.src);
    if (payload.alt !== undefined) node = $setState(node, altState, payload.alt);
    if (payload.title !== undefined) node = $setState(node, titleState, payload.title);
    return node;
  }

  override isInline(): boolean {
    return true;
  }

  override createDOM(config: EditorConfig): DomElement {
    const element = $createElement('span');
    element.setAttribute('data-md-image', '');
    addClassNamesToElement(element, config.theme.image as string | undefined);
    if (!getDecoratorRenderer('image')) element.append(this.$createImg());
    return element;
  }

  override updateDOM(prevNode: this, dom: DomElement): boolean {
    if (getDecoratorRenderer('image')) return false;
    // Without a React renderer the <img> is ours to keep current.
    const prev = prevNode.getPayload();
    const next = this.getPayload();
    if (prev.src !== next.src || prev.alt !== next.alt || prev.title !== next.title)
      dom.replaceChildren(this.$createImg());
    return false;
  }

  override exportDOM(): DOMExportOutput {
    return { element: this.$createImg() };
  }

  override decorate(editor: LexicalEditor): unknown {
    const renderer = getDecoratorRenderer('image');
    return renderer ? renderer({ editor, nodeKey: this.getKey(), ...this.getPayload() }) : null;
  }

  private $createImg(): DomElement {
    const { src, alt, title } = this.getPayload();
    const img = $createElement('img');
    img.setAttribute('src', src);
    img.setAttribute('alt', alt);
    if (title !== null) img.setAttribute('title', title);
    return img;
  }
}

/** Creates an image node. */
export function $createImageNode(payload: ImagePayload): ImageNode {
  return $create(ImageNode).setPayload(payload);
}

/** Type guard for {@link ImageNode}. */
export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
