/**
 * Inline Markdown source kept exactly: inline HTML, template tags (`{{< ref "x" >}}`), footnote
 * references. A text node the writer can edit character by character; it is never merged with
 * its neighbours (typing at its edges starts a normal text node) and renders as a
 * `<span data-md-raw="kind">`, never as live HTML.
 */
import { addClassNamesToElement } from '@lexical/utils';
import {
  $create,
  $getState,
  $setState,
  TextNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import type { DomElement } from '../../dom';
import { rawKindState } from './raw-block-node';

/** Inline raw source. */
export class RawTextNode extends TextNode {
  /** @internal */
  override $config() {
    return this.config('md-raw-text', { extends: TextNode, stateConfigs: [{ stateConfig: rawKindState, flat: true }] });
  }

  /** The kind of source held (`html`, `template`, `footnote`, …). */
  getKind(): string {
    return $getState(this, rawKindState);
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): DomElement {
    const element = super.createDOM(config, editor);
    element.setAttribute('data-md-raw', this.getKind());
    element.setAttribute('spellcheck', 'false');
    addClassNamesToElement(element, config.theme.mdRawText as string | undefined);
    return element;
  }

  override updateDOM(prevNode: this, dom: DomElement, config: EditorConfig): boolean {
    if (super.updateDOM(prevNode, dom, config)) return true;
    if (prevNode.getKind() !== this.getKind()) dom.setAttribute('data-md-raw', this.getKind());
    return false;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

/** Creates inline raw source. */
export function $createRawTextNode(text: string, kind: string): RawTextNode {
  return $setState($create(RawTextNode), rawKindState, kind).setTextContent(text);
}

/** Type guard for {@link RawTextNode}. */
export function $isRawTextNode(node: LexicalNode | null | undefined): node is RawTextNode {
  return node instanceof RawTextNode;
}
