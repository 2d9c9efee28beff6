/**
 * A block of Markdown source Masthead does not edit as rich text (HTML blocks, tables, footnote and
 * link-reference definitions, template tags, lists it cannot model…). It holds the source as plain
 * text — text nodes separated by line breaks — so the writer can still edit it, and it renders as a
 * `<pre data-md-raw="kind">`: never as live HTML.
 */
import { addClassNamesToElement } from '@lexical/utils';
import {
  $create,
  $createLineBreakNode,
  $createTextNode,
  $getState,
  $setState,
  createState,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { $createElement, type DomElement } from '../../dom';

/** What a raw block holds, for the data attribute and styling (`html`, `table`, `definition`, …). */
export const rawKindState = createState('kind', { parse: (value) => (typeof value === 'string' ? value : 'markdown') });

/** Plain-text Markdown source kept exactly. */
export class RawBlockNode extends ElementNode {
  /** @internal */
  override $config() {
    return this.config('md-raw-block', {
      extends: ElementNode,
      stateConfigs: [{ stateConfig: rawKindState, flat: true }],
    });
  }

  /** The kind of source held. */
  getKind(): string {
    return $getState(this, rawKindState);
  }

  /** The source text exactly as it will be written. */
  getRawText(): string {
    return this.getTextContent();
  }

  override createDOM(config: EditorConfig): DomElement {
    const element = $createElement('pre');
    element.setAttribute('data-md-raw', this.getKind());
    element.setAttribute('spellcheck', 'false');
    addClassNamesToElement(element, config.theme.mdRawBlock as string | undefined);
    return element;
  }

  override updateDOM(prevNode: this, dom: DomElement): boolean {
    const kind = this.getKind();
    if (prevNode.getKind() !== kind) dom.setAttribute('data-md-raw', kind);
    return false;
  }

  /** Enter inserts a newline, as in a code editor: raw source has no paragraphs of its own. */
  override insertNewAfter(selection: RangeSelection): null {
    selection.insertLineBreak();
    return null;
  }

  override canIndent(): false {
    return false;
  }
}

/** Creates a raw block holding `text` (line breaks become LineBreakNodes). */
export function $createRawBlockNode(text: string, kind: string): RawBlockNode {
  const node = $setState($create(RawBlockNode), rawKindState, kind);
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (index > 0) node.append($createLineBreakNode());
    if (line !== '') node.append($createTextNode(line));
  });
  return node;
}

/** Type guard for {@link RawBlockNode}. */
export function $isRawBlockNode(node: LexicalNode | null | undefined): node is RawBlockNode {
  return node instanceof RawBlockNode;
}
